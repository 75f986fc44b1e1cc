/* kedja-window-edit.c — the timeline's edits, undo, and what the user is told
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline says what the planner did; the plan editor saves it; this
 * file connects the two and tells the planner what happened: a toast with
 * "Undo" after every change, a dialog when a change could not be saved.
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <glib/gi18n.h>

#include "kedja-step-details.h"
#include "kedja-timeline.h"
#include "kedja-window-private.h"

static void
toast_dismissed_cb (AdwToast    *toast,
                    KedjaWindow *self)
{
  if (self->toast == toast)
    g_clear_object (&self->toast);
}

/* One toast at a time: after a few quick drags the planner wants to read
 * about the last, not wait for the queue. Takes @toast. */
void
_kedja_window_show_toast (KedjaWindow *self,
                          AdwToast    *toast)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_object (&self->toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Undo and redo are off while nothing can be undone, and in meeting
 * mode, where the plan is not edited. */
void
_kedja_window_update_history (KedjaWindow *self)
{
  gboolean editable = !self->meeting_mode;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 editable && kedja_plan_editor_get_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 editable && kedja_plan_editor_get_can_redo (self->editor));
  kedja_plan_view_set_history (self->plan_view,
                               kedja_plan_editor_get_undo_description (self->editor),
                               kedja_plan_editor_get_redo_description (self->editor));
}

/* A change that was not saved is said in a dialog, not a toast: the
 * planner must know that what they see is not what they did. The store's
 * own words say why; ours say what is shown now. */
static void
report_failure (KedjaWindow  *self,
                const GError *error)
{
  KedjaPlan *plan = kedja_plan_editor_get_plan (self->editor);
  gboolean conflict = g_error_matches (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_CONFLICT);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* The timeline may still show the bar where it was dragged to, and a
   * toast may still offer to undo an edit that can no longer be undone. */
  kedja_plan_view_set_plan (self->plan_view, plan, self->today);
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  if (plan == NULL)
    kedja_plan_view_show_error (self->plan_view, error);

  if (plan != NULL && conflict)
    body = g_strdup_printf ("%s\n\n%s", error->message,
                            _("The plan now shows the version they saved."));
  else if (plan != NULL && error->domain == KEDJA_STORE_ERROR)
    body = g_strdup_printf ("%s\n\n%s", error->message,
                            _("The plan shows what is saved."));
  else
    body = g_strdup (error->message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   conflict ? _("Someone Else Changed This Plan")
                                            : _("The Change Was Not Saved"),
                                   body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
editor_applied_cb (KedjaPlanEditor *editor,
                   const char      *message,
                   gboolean         undone,
                   KedjaWindow     *self)
{
  /* A toast's title is markup; step titles are the users' own words. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, undone ? _("_Redo") : _("_Undo"));
  adw_toast_set_action_name (toast, undone ? "win.redo" : "win.undo");
  _kedja_window_show_toast (self, toast);
}

static void
editor_history_changed_cb (KedjaPlanEditor *editor,
                           KedjaWindow     *self)
{
  _kedja_window_update_history (self);
}

/* The timeline is read-only in meeting mode and should not emit edits;
 * should one come anyway, it is not saved, and the bar goes back. */
static gboolean
check_editable (KedjaWindow *self)
{
  if (!self->meeting_mode)
    return TRUE;

  kedja_plan_view_set_plan (self->plan_view, kedja_plan_editor_get_plan (self->editor),
                            self->today);
  return FALSE;
}

static void
step_edited_cb (KedjaTimeline *timeline,
                const char    *step_id,
                KedjaDate      start,
                KedjaDate      end,
                KedjaWindow   *self)
{
  g_autoptr(GError) error = NULL;

  if (check_editable (self)
      && !kedja_plan_editor_move_step (self->editor, step_id, start, end, &error))
    report_failure (self, error);
}

static void
add_bridging_step_cb (KedjaTimeline *timeline,
                      KedjaPhase     phase,
                      KedjaDate      start,
                      KedjaDate      end,
                      KedjaWindow   *self)
{
  g_autoptr(GError) error = NULL;

  if (check_editable (self)
      && !kedja_plan_editor_add_bridging_step (self->editor, phase, start, end, &error))
    report_failure (self, error);
}

static void
confirm_handover_cb (KedjaTimeline *timeline,
                     const char    *from_step_id,
                     const char    *to_step_id,
                     KedjaWindow   *self)
{
  g_autoptr(GError) error = NULL;

  if (check_editable (self)
      && !kedja_plan_editor_confirm_handover (self->editor, from_step_id, to_step_id, &error))
    report_failure (self, error);
}

static void
step_activated_cb (KedjaPlanView *view,
                   const char    *step_id,
                   KedjaWindow   *self)
{
  KedjaPlan *plan = kedja_plan_editor_get_plan (self->editor);
  KedjaStepDetails *details;

  if (plan == NULL)
    return;

  details = kedja_step_details_new (GTK_WINDOW (self), plan, step_id,
                                    kedja_plan_view_get_analysis_settings (view),
                                    self->today, !self->meeting_mode);
  if (details != NULL)
    gtk_window_present (GTK_WINDOW (details));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KedjaWindow *self = KEDJA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (self->meeting_mode)
    return;

  if (g_str_equal (action_name, "win.undo"))
    done = kedja_plan_editor_undo (self->editor, &error);
  else
    done = kedja_plan_editor_redo (self->editor, &error);
  if (!done)
    report_failure (self, error);
}

void
_kedja_window_class_init_edit (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);

  /* See kedja_window_class_init () for why these are bindings. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}

void
_kedja_window_init_edit (KedjaWindow *self)
{
  KedjaTimeline *timeline = kedja_plan_view_get_timeline (self->plan_view);

  g_signal_connect_object (timeline, "step-edited", G_CALLBACK (step_edited_cb), self, 0);
  g_signal_connect_object (timeline, "add-bridging-step", G_CALLBACK (add_bridging_step_cb),
                           self, 0);
  g_signal_connect_object (timeline, "confirm-handover", G_CALLBACK (confirm_handover_cb),
                           self, 0);
  g_signal_connect_object (self->plan_view, "step-activated", G_CALLBACK (step_activated_cb),
                           self, 0);
  g_signal_connect (self->editor, "applied", G_CALLBACK (editor_applied_cb), self);
  g_signal_connect (self->editor, "history-changed", G_CALLBACK (editor_history_changed_cb),
                    self);

  _kedja_window_update_history (self);
}
