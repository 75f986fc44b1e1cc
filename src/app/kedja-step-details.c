/* kedja-step-details.c — everything about one step, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a double-click on a bar opens. The timeline shows where a step is;
 * this says what it is in words: who does it, when, what it is for, how it
 * connects to the steps around it and what is wrong with it.
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <glib/gi18n.h>

#include "kedja-step-details.h"

struct _KedjaStepDetails
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  AdwPreferencesGroup  *facts_group;
  AdwPreferencesGroup  *findings_group;
  AdwPreferencesGroup  *handovers_group;
  AdwPreferencesGroup  *goals_group;
  AdwPreferencesGroup  *note_group;
  GtkLabel             *note_label;
};

G_DEFINE_FINAL_TYPE (KedjaStepDetails, kedja_step_details, ADW_TYPE_WINDOW)

/* A row of plain text: titles, notes and agency names are the users' own
 * words, never markup. A @property row is a caption (@title) over its
 * value (@subtitle). */
static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         gboolean             property)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (property)
    gtk_widget_add_css_class (row, "property");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
  return row;
}

/* Full dates, year included: the dialog is read to be sure. */
static char *
format_range (KedjaDate start,
              KedjaDate end)
{
  g_autofree char *start_text = kedja_date_to_display (start);
  g_autofree char *end_text = kedja_date_to_display (end);

  if (start == KEDJA_DATE_NONE && end == KEDJA_DATE_NONE)
    return NULL;
  if (end == KEDJA_DATE_NONE)
    /* TRANSLATORS: a step with a start and no end */
    return g_strdup_printf (_("From %s, open-ended"), start_text);
  if (start == KEDJA_DATE_NONE)
    return g_strdup_printf (_("Until %s"), end_text);
  /* TRANSLATORS: a step's first and last day, "3 Mar 2025 – 14 Apr 2025" */
  return g_strdup_printf (_("%s – %s"), start_text, end_text);
}

static void
show_facts (KedjaStepDetails *self,
            const KedjaPlan  *plan,
            const KedjaStep  *step)
{
  const char *agency = NULL;
  g_autofree char *planned = format_range (step->planned_start, step->planned_end);
  g_autofree char *actual = format_range (step->actual_start, step->actual_end);
  GtkWidget *row;

  add_row (self->facts_group, _("Phase"), kedja_phase_get_label (step->phase), TRUE);

  if (step->agency_id != NULL)
    agency = kedja_plan_get_agency_name (plan, step->agency_id);
  row = add_row (self->facts_group, _("Responsible agency"),
                 agency != NULL ? agency : _("No responsible agency"), TRUE);
  if (agency == NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  if (step->contact != NULL && *step->contact != '\0')
    add_row (self->facts_group, _("Contact person"), step->contact, TRUE);

  add_row (self->facts_group, _("Status"), kedja_step_status_get_label (step->status), TRUE);
  add_row (self->facts_group, _("Planned"), planned != NULL ? planned : _("No dates yet"), TRUE);
  if (actual != NULL)
    add_row (self->facts_group, _("Actual"), actual, TRUE);
  if (step->setting != KEDJA_CARE_SETTING_NONE)
    add_row (self->facts_group, _("Setting"), kedja_care_setting_get_label (step->setting), TRUE);
  if (step->code != NULL && *step->code != '\0')
    add_row (self->facts_group, _("Intervention code"), step->code, TRUE);
}

static const char *
get_severity_class (KedjaSeverity severity)
{
  switch (severity)
    {
    case KEDJA_SEVERITY_CRITICAL:
      return "error";
    case KEDJA_SEVERITY_WARNING:
      return "warning";
    case KEDJA_SEVERITY_NOTICE:
    default:
      return "dim-label";
    }
}

/* The findings about this step, most severe first, with what to do and
 * who should: the same words as the timeline's popover. */
static void
show_findings (KedjaStepDetails            *self,
               const KedjaPlan             *plan,
               const KedjaStep             *step,
               const KedjaAnalysisSettings *settings,
               KedjaDate                    today)
{
  g_autoptr(GArray) findings = kedja_analyse (plan, settings, today);

  for (guint i = 0; i < findings->len; i++)
    {
      const KedjaFinding *finding = &g_array_index (findings, KedjaFinding, i);
      g_autofree char *message = NULL;
      g_autofree char *action = NULL;
      g_autofree char *actor = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *icon;

      if (finding->step != step && finding->next_step != step)
        continue;

      message = kedja_finding_format_message (finding, plan);
      action = kedja_finding_format_action (finding, plan);
      actor = kedja_finding_format_actor (finding, plan);
      /* TRANSLATORS: what to do about a finding, then who should do it */
      subtitle = g_strdup_printf (_("%s\nWho acts: %s"), action, actor);
      row = add_row (self->findings_group, message, subtitle, FALSE);

      /* Never colour alone: the icon differs by severity and says it. */
      icon = gtk_image_new_from_icon_name (kedja_severity_get_icon_name (finding->severity));
      gtk_widget_add_css_class (icon, get_severity_class (finding->severity));
      gtk_widget_set_tooltip_text (icon, kedja_severity_get_label (finding->severity));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kedja_severity_get_label (finding->severity),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
}

static void
show_handovers (KedjaStepDetails *self,
                const KedjaPlan  *plan,
                const KedjaStep  *step)
{
  for (guint i = 0; i < plan->handovers->len; i++)
    {
      const KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);
      gboolean outgoing = g_strcmp0 (handover->from_step_id, step->id) == 0;
      const KedjaStep *other;
      g_autofree char *title = NULL;
      g_autofree char *planned = NULL;
      g_autofree char *confirmed = NULL;
      g_autofree char *subtitle = NULL;

      if (!outgoing && g_strcmp0 (handover->to_step_id, step->id) != 0)
        continue;

      other = kedja_plan_find_step (plan, outgoing ? handover->to_step_id
                                                   : handover->from_step_id);
      if (outgoing)
        /* TRANSLATORS: a handover from this step to the step named */
        title = g_strdup_printf (_("To “%s”"), other != NULL ? other->title : "");
      else
        /* TRANSLATORS: a handover to this step from the step named */
        title = g_strdup_printf (_("From “%s”"), other != NULL ? other->title : "");

      planned = kedja_date_to_display (handover->planned);
      if (handover->confirmed == KEDJA_DATE_NONE)
        {
          confirmed = g_strdup (_("Not confirmed by the receiving agency"));
        }
      else
        {
          g_autofree char *date = kedja_date_to_display (handover->confirmed);

          if (handover->confirmed_by != NULL && *handover->confirmed_by != '\0')
            /* TRANSLATORS: a date, then who confirmed the handover */
            confirmed = g_strdup_printf (_("Confirmed %s by %s"), date, handover->confirmed_by);
          else
            confirmed = g_strdup_printf (_("Confirmed %s"), date);
        }
      /* TRANSLATORS: a handover's planned date, then whether it is confirmed */
      subtitle = g_strdup_printf (_("Planned %s · %s"), planned, confirmed);
      add_row (self->handovers_group, title, subtitle, FALSE);
    }
}

static void
show_goals (KedjaStepDetails *self,
            const KedjaPlan  *plan,
            const KedjaStep  *step)
{
  for (guint i = 0; i < step->goal_ids->len; i++)
    {
      const KedjaGoal *goal = kedja_plan_find_goal (plan, g_ptr_array_index (step->goal_ids, i));

      if (goal != NULL)
        add_row (self->goals_group, goal->statement, kedja_domain_get_label (goal->domain), FALSE);
    }
}

static void
kedja_step_details_class_init (KedjaStepDetailsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kedja/Kedja/kedja-step-details.ui");
  gtk_widget_class_bind_template_child (widget_class, KedjaStepDetails, window_title);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepDetails, facts_group);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepDetails, findings_group);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepDetails, handovers_group);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepDetails, goals_group);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepDetails, note_group);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepDetails, note_label);

  /* A look-up, closed as quickly as it was opened. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kedja_step_details_init (KedjaStepDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KedjaStepDetails *
kedja_step_details_new (GtkWindow                   *parent,
                        const KedjaPlan             *plan,
                        const char                  *step_id,
                        const KedjaAnalysisSettings *settings,
                        KedjaDate                    today,
                        gboolean                     show_note)
{
  KedjaStepDetails *self;
  const KedjaStep *step;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  step = kedja_plan_find_step (plan, step_id);
  if (step == NULL)
    return NULL;

  self = g_object_new (KEDJA_TYPE_STEP_DETAILS,
                       "transient-for", parent,
                       "title", step->title,
                       NULL);
  adw_window_title_set_title (self->window_title, step->title);
  adw_window_title_set_subtitle (self->window_title, kedja_phase_get_label (step->phase));

  show_facts (self, plan, step);
  show_findings (self, plan, step, settings, today);
  show_handovers (self, plan, step);
  show_goals (self, plan, step);

  if (step->note != NULL && *step->note != '\0')
    {
      gtk_label_set_label (self->note_label,
                           show_note ? step->note
                                     : _("Notes are not shown in meeting mode."));
      if (!show_note)
        gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "dim-label");
      gtk_widget_set_visible (GTK_WIDGET (self->note_group), TRUE);
    }

  return self;
}
