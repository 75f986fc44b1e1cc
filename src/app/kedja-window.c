/* kedja-window.c — the main window: the plans of one database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window wires the store to the widgets and nothing more: one
 * kedja_store_list_plans() fills the list, and a plan is loaded only when
 * it is selected, into the plan editor, whose plan the view shows. It also
 * says when there is nothing to list, or why the database cannot be
 * opened, and turns the meeting mode on and off. The timeline's edits are
 * in kedja-window-edit.c, the exports in kedja-window-export.c.
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <glib/gi18n.h>

#include "kedja-plan-list.h"
#include "kedja-plan-view.h"
#include "kedja-window.h"
#include "kedja-window-private.h"

/* How far down the list the demo looks for a plan with a gap to open. */
#define DEMO_PLANS_TO_LOOK_AT 50

G_DEFINE_FINAL_TYPE (KedjaWindow, kedja_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_MEETING_MODE,
  PROP_SHOW_PLANS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
selected_plan_changed_cb (KedjaPlanList *list,
                          GParamSpec    *pspec,
                          KedjaWindow   *self)
{
  KedjaPlanSummary *summary = kedja_plan_list_get_selected (list);
  KedjaPlan *shown = kedja_plan_editor_get_plan (self->editor);
  g_autoptr(GError) error = NULL;

  if (summary == NULL || self->store == NULL)
    {
      kedja_plan_editor_close (self->editor);
      kedja_plan_view_set_plan (self->plan_view, NULL, self->today);
      return;
    }

  /* Filtering moves the selected row without changing the plan. */
  if (shown != NULL && g_strcmp0 (shown->id, kedja_plan_summary_get_id (summary)) == 0)
    return;

  /* Another plan: what could be undone belonged to the one before. */
  if (!kedja_plan_editor_open (self->editor, kedja_plan_summary_get_id (summary), &error))
    kedja_plan_view_show_error (self->plan_view, error);
}

/* Whatever the editor holds is what the view shows: a plan opened, an edit
 * saved, or the file's version after a save was refused. */
static void
editor_plan_changed_cb (KedjaPlanEditor *editor,
                        GParamSpec      *pspec,
                        KedjaWindow     *self)
{
  KedjaPlan *plan = kedja_plan_editor_get_plan (editor);

  kedja_plan_view_set_plan (self->plan_view, plan, self->today);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-png", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.meeting-mode",
                                 plan != NULL || self->meeting_mode);
}

/* The thresholds are the database's, shared by everyone who opens it. A
 * value the analysis cannot use is said in the log and the defaults stand
 * in, rather than showing no chain at all. */
static void
load_analysis_settings (KedjaWindow *self)
{
  KedjaAnalysisSettings settings;
  g_autoptr(GError) error = NULL;

  kedja_analysis_settings_init (&settings);
  if (!kedja_store_load_analysis_settings (self->store, &settings, &error))
    {
      g_message ("Using the default analysis settings: %s", error->message);
      kedja_analysis_settings_init (&settings);
    }
  kedja_plan_view_set_analysis_settings (self->plan_view, &settings);
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
  kedja_plan_editor_set_store (self->editor, NULL);
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

  if (!self->meeting_mode
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "plans") == 0)
    kedja_plan_list_focus_search (self->plan_list);
}

/* Fullscreen for a meeting, the window's own header bar goes too: the
 * height is the chain's, and the plan view keeps the button that leaves.
 * Where the window cannot go fullscreen the header bar stays, so the
 * window can still be moved and closed. */
static void
fullscreened_cb (KedjaWindow *self,
                 GParamSpec  *pspec,
                 gpointer     user_data)
{
  gtk_widget_set_visible (self->header_bar,
                          !(self->meeting_mode && gtk_window_is_fullscreen (GTK_WINDOW (self))));
}

/* On a projector: the plan in large type, nothing that edits, and no list
 * of clients — the list names everyone in the database, and the person at
 * the meeting should see only their own plan. */
static void
set_meeting_mode (KedjaWindow *self,
                  gboolean     meeting_mode)
{
  meeting_mode = !!meeting_mode;
  if (meeting_mode == self->meeting_mode)
    return;
  self->meeting_mode = meeting_mode;

  kedja_plan_view_set_meeting_mode (self->plan_view, meeting_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_list), self->show_plans && !meeting_mode);

  /* Leaving gives back the window as it was: unfullscreen only what the
   * meeting mode made fullscreen. */
  if (meeting_mode && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      gtk_window_fullscreen (GTK_WINDOW (self));
      self->fullscreened_for_meeting = TRUE;
    }
  else if (!meeting_mode && self->fullscreened_for_meeting)
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      self->fullscreened_for_meeting = FALSE;
    }

  if (meeting_mode || !self->show_plans)
    gtk_widget_grab_focus (GTK_WIDGET (kedja_plan_view_get_timeline (self->plan_view)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->plan_list));

  fullscreened_cb (self, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-meeting-mode", meeting_mode);
  _kedja_window_update_history (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_MODE]);
}

/* More room for the chain while planning, without the meeting mode's
 * read-only view. */
static void
set_show_plans (KedjaWindow *self,
                gboolean     show_plans)
{
  show_plans = !!show_plans;
  if (show_plans == self->show_plans)
    return;
  self->show_plans = show_plans;

  gtk_widget_set_visible (GTK_WIDGET (self->plan_list), show_plans && !self->meeting_mode);
  if (show_plans && !self->meeting_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->plan_list));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PLANS]);
}

static void
leave_meeting_mode_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  set_meeting_mode (KEDJA_WINDOW (widget), FALSE);
}

static void
kedja_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KedjaWindow *self = KEDJA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MEETING_MODE:
      g_value_set_boolean (value, self->meeting_mode);
      break;
    case PROP_SHOW_PLANS:
      g_value_set_boolean (value, self->show_plans);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kedja_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KedjaWindow *self = KEDJA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MEETING_MODE:
      set_meeting_mode (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_PLANS:
      set_show_plans (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEDJA_TYPE_WINDOW);

  g_clear_object (&self->toast);
  g_clear_object (&self->editor);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kedja_window_parent_class)->dispose (object);
}

static void
kedja_window_class_init (KedjaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kedja_window_dispose;
  object_class->get_property = kedja_window_get_property;
  object_class->set_property = kedja_window_set_property;
  widget_class->realize = kedja_window_realize;

  /**
   * KedjaWindow:meeting-mode:
   *
   * The plan large and read-only, fullscreen, without the list of clients:
   * for the projector at a SIP meeting. The action win.meeting-mode.
   */
  properties[PROP_MEETING_MODE] =
    g_param_spec_boolean ("meeting-mode", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KedjaWindow:show-plans:
   *
   * Whether the list of plans is beside the plan (outside meeting mode).
   * The action win.show-plans.
   */
  properties[PROP_SHOW_PLANS] =
    g_param_spec_boolean ("show-plans", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEDJA_TYPE_PLAN_LIST);
  g_type_ensure (KEDJA_TYPE_PLAN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kedja/Kedja/kedja-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, plan_list);
  gtk_widget_class_bind_template_child (widget_class, KedjaWindow, plan_view);
  gtk_widget_class_bind_template_callback (widget_class, selected_plan_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "win.meeting-mode", "meeting-mode");
  gtk_widget_class_install_property_action (widget_class, "win.show-plans", "show-plans");
  gtk_widget_class_install_action (widget_class, "win.leave-meeting-mode", NULL,
                                   leave_meeting_mode_action);

  /* Bindings rather than application accelerators: those would run before
   * the focused widget, so Ctrl+Z in the search field would undo an edit
   * of the plan instead of the typing. These run only when the focused
   * widget has not used the key. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.meeting-mode", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "win.meeting-mode", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "win.leave-meeting-mode", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-plans", NULL);

  _kedja_window_class_init_edit (widget_class);
  _kedja_window_class_init_export (widget_class);
}

static void
kedja_window_init (KedjaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = kedja_date_today ();
  self->show_plans = TRUE;
  self->editor = kedja_plan_editor_new (NULL);
  g_signal_connect (self->editor, "notify::plan", G_CALLBACK (editor_plan_changed_cb), self);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-meeting-mode", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.meeting-mode", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-png", FALSE);

  _kedja_window_init_edit (self);
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

  /* Another database: the history of the last one's plan goes with it,
   * and the list comes back to choose from. */
  set_meeting_mode (self, FALSE);
  self->today = kedja_date_today ();
  kedja_plan_editor_set_store (self->editor, store);
  kedja_plan_editor_set_today (self->editor, self->today);
  load_analysis_settings (self);
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

static gboolean
has_critical_band (KedjaWindow *self,
                   const char  *plan_id)
{
  const KedjaAnalysisSettings *settings = kedja_plan_view_get_analysis_settings (self->plan_view);
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(GArray) findings = NULL;

  plan = kedja_store_load_plan (self->store, plan_id, NULL);
  if (plan == NULL)
    return FALSE;
  findings = kedja_analyse (plan, settings, self->today);
  for (guint i = 0; i < findings->len; i++)
    {
      const KedjaFinding *finding = &g_array_index (findings, KedjaFinding, i);

      if (finding->severity == KEDJA_SEVERITY_CRITICAL && finding->start != KEDJA_DATE_NONE)
        return TRUE;
    }
  return FALSE;
}

gboolean
kedja_window_select_plan_with_gap (KedjaWindow *self)
{
  GtkSelectionModel *model;
  GtkColumnView *view;
  guint n, chosen = 0;

  g_return_val_if_fail (KEDJA_IS_WINDOW (self), FALSE);

  model = kedja_plan_list_get_model (self->plan_list);
  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (model)), DEMO_PLANS_TO_LOOK_AT);
  if (self->store == NULL || n == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KedjaPlanSummary) summary = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (has_critical_band (self, kedja_plan_summary_get_id (summary)))
        {
          chosen = i;
          break;
        }
    }

  gtk_selection_model_select_item (model, chosen, TRUE);
  /* The list must show which plan is open, even a screenful down. */
  view = _kedja_plan_list_get_column_view (self->plan_list);
  gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", chosen);
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

  set_meeting_mode (self, FALSE);
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

  set_meeting_mode (self, FALSE);
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

KedjaPlanEditor *
_kedja_window_get_editor (KedjaWindow *self)
{
  g_return_val_if_fail (KEDJA_IS_WINDOW (self), NULL);

  return self->editor;
}

const char *
_kedja_window_get_toast_title (KedjaWindow *self)
{
  g_return_val_if_fail (KEDJA_IS_WINDOW (self), NULL);

  return self->toast != NULL ? adw_toast_get_title (self->toast) : NULL;
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
