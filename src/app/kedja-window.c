/* kedja-window.c — the main window: the plans of one database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window wires the store to the widgets and nothing more: one
 * kedja_store_list_plans() fills the list, and a plan is loaded only when
 * it is selected. It also says when there is nothing to list, or why the
 * database cannot be opened.
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <glib/gi18n.h>

#include "kedja-plan-list.h"
#include "kedja-plan-view.h"
#include "kedja-window.h"
#include "kedja-window-private.h"

struct _KedjaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  KedjaPlanList        *plan_list;
  KedjaPlanView        *plan_view;

  KedjaStore           *store;
  KedjaDate             today;       /* what "overdue" is judged against */
};

G_DEFINE_FINAL_TYPE (KedjaWindow, kedja_window, ADW_TYPE_APPLICATION_WINDOW)

static void
selected_plan_changed_cb (KedjaPlanList *list,
                          GParamSpec    *pspec,
                          KedjaWindow   *self)
{
  KedjaPlanSummary *summary = kedja_plan_list_get_selected (list);
  KedjaPlan *shown = kedja_plan_view_get_plan (self->plan_view);
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (summary == NULL || self->store == NULL)
    {
      kedja_plan_view_set_plan (self->plan_view, NULL, self->today);
      return;
    }

  /* Filtering moves the selected row without changing the plan. */
  if (shown != NULL && g_strcmp0 (shown->id, kedja_plan_summary_get_id (summary)) == 0)
    return;

  plan = kedja_store_load_plan (self->store, kedja_plan_summary_get_id (summary), &error);
  if (plan == NULL)
    kedja_plan_view_show_error (self->plan_view, error);
  else
    kedja_plan_view_set_plan (self->plan_view, plan, self->today);
}

static void
set_database_path (KedjaWindow *self,
                   const char  *path)
{
  g_autofree char *name = path != NULL ? g_path_get_basename (path) : NULL;

  adw_window_title_set_subtitle (self->window_title, name);
}

static void
clear_plans (KedjaWindow *self)
{
  kedja_plan_list_set_plans (self->plan_list, NULL, self->today);
  kedja_plan_view_set_plan (self->plan_view, NULL, self->today);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  KedjaWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        kedja_window_open_file (self, path);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KedjaWindow *self = KEDJA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Kedja databases"));
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);
  gtk_file_filter_set_name (everything, _("All files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);

  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KedjaWindow *self = KEDJA_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "plans") == 0)
    kedja_plan_list_focus_search (self->plan_list);
}

/* Start-up is measured to the first frame (the budget in DESIGN.md);
 * G_MESSAGES_DEBUG=kedja prints this line with a timestamp. */
static void
after_paint_cb (GdkFrameClock *clock,
                KedjaWindow   *self)
{
  g_debug ("First frame drawn");
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
}

static void
kedja_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kedja_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (after_paint_cb), widget, 0);
}

static void
kedja_window_dispose (GObject *object)
{
  KedjaWindow *self = KEDJA_WINDOW (object);

  if (self->plan_list != NULL)
    g_signal_handlers_disconnect_by_data (self->plan_list, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEDJA_TYPE_WINDOW);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kedja_window_parent_class)->dispose (object);
}

static void
kedja_window_class_init (KedjaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kedja_window_dispose;
  widget_class->realize = kedja_window_realize;

  g_type_ensure (KEDJA_TYPE_PLAN_LIST);
  g_type_ensure (KEDJA_TYPE_PLAN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kedja/Kedja/kedja-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, plan_list);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, plan_view);
  gtk_widget_class_bind_template_callback (widget_class, selected_plan_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
}

static void
kedja_window_init (KedjaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = kedja_date_today ();
}

KedjaWindow *
kedja_window_new (KedjaApplication *app)
{
  g_return_val_if_fail (app == NULL || KEDJA_IS_APPLICATION (app), NULL);

  return g_object_new (KEDJA_TYPE_WINDOW, "application", app, NULL);
}

gboolean
kedja_window_open_file (KedjaWindow *self,
                        const char  *path)
{
  g_autoptr(KedjaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KEDJA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = kedja_store_open (path, &error);
  if (store == NULL)
    {
      kedja_window_show_error (self, path, error);
      return FALSE;
    }

  return kedja_window_set_store (self, store);
}

gboolean
kedja_window_set_store (KedjaWindow *self,
                        KedjaStore  *store)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KEDJA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (KEDJA_IS_STORE (store), FALSE);

  summaries = kedja_store_list_plans (store, &error);
  if (summaries == NULL)
    {
      kedja_window_show_error (self, kedja_store_get_path (store), error);
      return FALSE;
    }

  g_set_object (&self->store, store);
  set_database_path (self, kedja_store_get_path (store));

  self->today = kedja_date_today ();
  kedja_plan_view_set_plan (self->plan_view, NULL, self->today);
  kedja_plan_list_set_plans (self->plan_list, summaries, self->today);

  gtk_spinner_stop (self->loading_spinner);
  if (summaries->len > 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "plans");
      /* Arrow keys move through the plans straight away. */
      gtk_widget_grab_focus (GTK_WIDGET (self->plan_list));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
    }

  return TRUE;
}

KedjaStore *
kedja_window_get_store (KedjaWindow *self)
{
  g_return_val_if_fail (KEDJA_IS_WINDOW (self), NULL);

  return self->store;
}

void
kedja_window_show_error (KedjaWindow  *self,
                         const char   *path,
                         const GError *error)
{
  const char *title = _("Could Not Open the Database");
  g_autofree char *escaped = NULL;

  g_return_if_fail (KEDJA_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (error->domain == KEDJA_STORE_ERROR)
    {
      switch ((KedjaStoreError) error->code)
        {
        case KEDJA_STORE_ERROR_NOT_KEDJA:
          title = _("Not a Kedja Database");
          break;
        case KEDJA_STORE_ERROR_TOO_NEW:
          title = _("Made by a Newer Kedja");
          break;
        case KEDJA_STORE_ERROR_CORRUPT:
          title = _("The Database Is Damaged");
          break;
        case KEDJA_STORE_ERROR_BUSY:
          title = _("The Database Is Busy");
          break;
        case KEDJA_STORE_ERROR_CONFLICT:
        case KEDJA_STORE_ERROR_NOT_FOUND:
        case KEDJA_STORE_ERROR_INVALID:
        case KEDJA_STORE_ERROR_IO:
        case KEDJA_STORE_ERROR_FAILED:
        default:
          break;
        }
    }

  g_message ("Cannot open %s: %s", path != NULL ? path : "the database", error->message);

  g_clear_object (&self->store);
  clear_plans (self);
  set_database_path (self, path);

  /* The status page reads its description as Pango markup. */
  escaped = g_markup_escape_text (error->message, -1);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, escaped);

  gtk_spinner_stop (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

void
kedja_window_show_loading (KedjaWindow *self,
                           const char  *path,
                           const char  *message)
{
  g_return_if_fail (KEDJA_IS_WINDOW (self));

  g_clear_object (&self->store);
  clear_plans (self);
  set_database_path (self, path);

  adw_status_page_set_title (self->loading_page, message);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

KedjaPlanList *
_kedja_window_get_plan_list (KedjaWindow *self)
{
  g_return_val_if_fail (KEDJA_IS_WINDOW (self), NULL);

  return self->plan_list;
}

KedjaPlanView *
_kedja_window_get_plan_view (KedjaWindow *self)
{
  g_return_val_if_fail (KEDJA_IS_WINDOW (self), NULL);

  return self->plan_view;
}

AdwStatusPage *
_kedja_window_get_error_page (KedjaWindow *self)
{
  g_return_val_if_fail (KEDJA_IS_WINDOW (self), NULL);

  return self->error_page;
}

const char *
_kedja_window_get_page (KedjaWindow *self)
{
  g_return_val_if_fail (KEDJA_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}
