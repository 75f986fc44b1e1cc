/* kedja-window-export.c — the care chain on paper: PDF and PNG copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client gets a paper copy of their chain. The timeline draws it into
 * the file (readable only by its owner, like the database); the window
 * asks where, and writes every copy to the audit log, since a copy leaves
 * the program as surely as an XML export does.
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kedja-timeline.h"
#include "kedja-window-private.h"

#define SPAN_CHOICE "span"
#define PDF_KEY     "kedja-export-pdf"

gboolean
_kedja_window_export_image (KedjaWindow *self,
                            const char  *path,
                            gboolean     pdf,
                            gboolean     whole_plan,
                            GError     **error)
{
  KedjaTimeline *timeline = kedja_plan_view_get_timeline (self->plan_view);
  KedjaPlan *plan = kedja_plan_editor_get_plan (self->editor);
  g_autofree char *detail = NULL;
  g_autoptr(GError) log_error = NULL;
  gboolean written;

  g_return_val_if_fail (KEDJA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (plan == NULL || self->store == NULL)
    {
      g_set_error_literal (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_MISSING,
                           _("No plan is open."));
      return FALSE;
    }

  if (pdf)
    written = kedja_timeline_export_pdf (timeline, path, whole_plan, error);
  else
    written = kedja_timeline_export_png (timeline, path, whole_plan, error);
  if (!written)
    return FALSE;

  /* A copy that cannot be logged does not stay: every export is in the
   * audit log, or there is none. */
  detail = g_strdup_printf ("format=%s file=%s span=%s", pdf ? "pdf" : "png", path,
                            whole_plan ? "whole" : "visible");
  if (!kedja_store_log (self->store, "export", "plan", plan->id, detail, &log_error))
    {
      g_unlink (path);
      g_set_error (error, log_error->domain, log_error->code,
                   _("The copy was removed again because it could not be recorded in the "
                     "audit log: %s"), log_error->message);
      return FALSE;
    }

  return TRUE;
}

/* A name that says what the file is, without a protected client's name:
 * "Adnan Berg – care chain 2026-11-29.pdf". */
static char *
suggest_file_name (KedjaWindow *self,
                   gboolean     pdf)
{
  KedjaPlan *plan = kedja_plan_editor_get_plan (self->editor);
  const char *client = kedja_client_display_name (plan->client->name,
                                                  plan->client->protected_identity);
  g_autofree char *date = kedja_date_to_string (self->today);
  g_autofree char *name = NULL;

  /* TRANSLATORS: a file name: the client as shown, then the date,
   * "Adnan Berg – care chain 2026-11-29" */
  name = g_strdup_printf (_("%s – care chain %s"), client, date);
  g_strdelimit (name, "/\\:", '-');
  return g_strconcat (name, pdf ? ".pdf" : ".png", NULL);
}

static void
show_export_error (KedjaWindow  *self,
                   const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Care Chain"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    KedjaWindow     *self)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), PDF_KEY));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      const char *span = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), SPAN_CHOICE);
      gboolean whole_plan = g_strcmp0 (span, "visible") != 0;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Choose a folder on this computer."));
          show_export_error (self, error);
        }
      else if (!_kedja_window_export_image (self, path, pdf, whole_plan, &error))
        {
          show_export_error (self, error);
        }
      else
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *escaped = g_markup_escape_text (name, -1);
          /* TRANSLATORS: %s is the name of the file written */
          g_autofree char *title = g_strdup_printf (_("Saved “%s”"), escaped);

          _kedja_window_show_toast (self, adw_toast_new (title));
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KedjaWindow *self = KEDJA_WINDOW (widget);
  gboolean pdf = g_str_equal (action_name, "win.export-pdf");
  const char *span_ids[] = { "whole", "visible", NULL };
  const char *span_labels[] = { _("The whole plan"), _("The part shown now"), NULL };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *documents;
  GtkFileChooserNative *chooser;

  if (kedja_plan_editor_get_plan (self->editor) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (pdf ? _("Export the Care Chain as PDF")
                                             : _("Export the Care Chain as an Image"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (pdf)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_pattern (filter, "*.pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_pattern (filter, "*.png");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* The paper copy is usually the whole chain; the part in view is for a
   * close-up of one handover. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), SPAN_CHOICE, _("Include"),
                               span_ids, span_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), SPAN_CHOICE, "whole");

  /* The documents folder rather than wherever Kedja was started from:
   * that is where people look for a letter to print. */
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  name = suggest_file_name (self, pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_set_data (G_OBJECT (chooser), PDF_KEY, GINT_TO_POINTER (pdf));

  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_kedja_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-png", NULL, export_action);
}
