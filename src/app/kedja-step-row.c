/* kedja-step-row.c — one step of the care chain, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <glib/gi18n.h>

#include "kedja-step-row.h"

struct _KedjaStepRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *phase_label;
  GtkLabel      *title_label;
  GtkImage      *agency_icon;
  GtkLabel      *agency_label;
  GtkLabel      *dates_label;
  GtkLabel      *status_label;

  char          *step_id;
};

G_DEFINE_FINAL_TYPE (KedjaStepRow, kedja_step_row, GTK_TYPE_LIST_BOX_ROW)

/* Each status has a style class of its own so the badge can be tinted; the
 * badge always says the status in words too. */
static const char *status_classes[] = {
  "planned", "booked", "ongoing", "completed", "interrupted", "cancelled",
};

static char *
format_dates (const KedjaStep *step)
{
  KedjaDate start = kedja_step_get_start (step);
  KedjaDate end = kedja_step_get_end (step);
  g_autofree char *start_text = kedja_date_to_display (start);
  g_autofree char *end_text = kedja_date_to_display (end);

  if (start != KEDJA_DATE_NONE && end != KEDJA_DATE_NONE)
    /* TRANSLATORS: a step's first and last day, "3 Mar 2025 – 14 Apr 2025" */
    return g_strdup_printf (_("%s – %s"), start_text, end_text);
  if (start != KEDJA_DATE_NONE)
    /* TRANSLATORS: a step with a start and no planned end */
    return g_strdup_printf (_("From %s, open-ended"), start_text);
  if (end != KEDJA_DATE_NONE)
    return g_strdup_printf (_("Until %s"), end_text);
  return g_strdup (_("No dates yet"));
}

static char *
format_agency (const KedjaPlan *plan,
               const KedjaStep *step)
{
  const char *agency = NULL;

  if (step->agency_id != NULL)
    agency = kedja_plan_get_agency_name (plan, step->agency_id);

  if (agency == NULL)
    return NULL;
  if (step->contact != NULL && *step->contact != '\0')
    /* TRANSLATORS: the responsible agency and its contact person */
    return g_strdup_printf (_("%s · %s"), agency, step->contact);
  return g_strdup (agency);
}

static void
kedja_step_row_finalize (GObject *object)
{
  KedjaStepRow *self = KEDJA_STEP_ROW (object);

  g_free (self->step_id);

  G_OBJECT_CLASS (kedja_step_row_parent_class)->finalize (object);
}

static void
kedja_step_row_class_init (KedjaStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kedja_step_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kedja/Kedja/kedja-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KedjaStepRow, phase_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepRow, agency_icon);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepRow, agency_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepRow, dates_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaStepRow, status_label);
}

static void
kedja_step_row_init (KedjaStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kedja_step_row_new (const KedjaPlan *plan,
                    const KedjaStep *step)
{
  KedjaStepRow *self;
  g_autofree char *agency = NULL;
  g_autofree char *dates = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (step != NULL, NULL);

  self = g_object_new (KEDJA_TYPE_STEP_ROW, NULL);
  self->step_id = g_strdup (step->id);

  gtk_label_set_label (self->phase_label, kedja_phase_get_label (step->phase));
  gtk_label_set_label (self->title_label, step->title);

  agency = format_agency (plan, step);
  if (agency != NULL)
    {
      gtk_label_set_label (self->agency_label, agency);
    }
  else
    {
      /* A step nobody is responsible for is exactly the kind of gap the
       * meeting must see, so it gets a word and an icon, not just a blank. */
      gtk_label_set_label (self->agency_label, _("No responsible agency"));
      gtk_widget_add_css_class (GTK_WIDGET (self->agency_label), "warning");
      gtk_widget_set_visible (GTK_WIDGET (self->agency_icon), TRUE);
    }

  dates = format_dates (step);
  gtk_label_set_label (self->dates_label, dates);

  gtk_label_set_label (self->status_label, kedja_step_status_get_label (step->status));
  if ((guint) step->status < G_N_ELEMENTS (status_classes))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[step->status]);
      if (step->status == KEDJA_STEP_STATUS_CANCELLED)
        gtk_widget_add_css_class (GTK_WIDGET (self), "cancelled");
    }

  return GTK_WIDGET (self);
}

const char *
kedja_step_row_get_step_id (KedjaStepRow *self)
{
  g_return_val_if_fail (KEDJA_IS_STEP_ROW (self), NULL);

  return self->step_id;
}
