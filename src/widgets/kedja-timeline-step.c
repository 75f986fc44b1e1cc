/* kedja-timeline-step.c — one step of the timeline as an accessible object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deliberately nearly empty: no snapshot (the timeline never snapshots
 * its steps; the bar, hover and focus ring are drawn by the timeline from
 * its own state), no size of its own (the timeline decides where it goes)
 * and no pointer targets (clicks, drags and tooltips belong to the
 * timeline, which knows bars from bands). What is left is what GTK 4.8
 * can only give a widget: a place in the focus chain and in the
 * accessibility tree.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include "kedja-timeline-step.h"

struct _KedjaTimelineStep
{
  GtkWidget  parent_instance;

  guint      index;
  char      *step_id;
  char      *label;
  char      *description;
};

G_DEFINE_FINAL_TYPE (KedjaTimelineStep, kedja_timeline_step, GTK_TYPE_WIDGET)

static void
kedja_timeline_step_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* Any size the timeline gives: that of its bar. */
  *minimum = *natural = 0;
}

static void
kedja_timeline_step_finalize (GObject *object)
{
  KedjaTimelineStep *self = KEDJA_TIMELINE_STEP (object);

  g_free (self->step_id);
  g_free (self->label);
  g_free (self->description);

  G_OBJECT_CLASS (kedja_timeline_step_parent_class)->finalize (object);
}

static void
kedja_timeline_step_class_init (KedjaTimelineStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kedja_timeline_step_finalize;
  widget_class->measure = kedja_timeline_step_measure;

  /* An item of the list that is the chain (the timeline's role). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_widget_class_set_css_name (widget_class, "step");
}

static void
kedja_timeline_step_init (KedjaTimelineStep *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
kedja_timeline_step_new (guint index)
{
  KedjaTimelineStep *self = g_object_new (KEDJA_TYPE_TIMELINE_STEP, NULL);

  self->index = index;
  return GTK_WIDGET (self);
}

guint
kedja_timeline_step_get_index (KedjaTimelineStep *self)
{
  g_return_val_if_fail (KEDJA_IS_TIMELINE_STEP (self), 0);

  return self->index;
}

void
kedja_timeline_step_set_index (KedjaTimelineStep *self,
                               guint              index)
{
  g_return_if_fail (KEDJA_IS_TIMELINE_STEP (self));

  self->index = index;
}

const char *
kedja_timeline_step_get_step_id (KedjaTimelineStep *self)
{
  g_return_val_if_fail (KEDJA_IS_TIMELINE_STEP (self), NULL);

  return self->step_id;
}

void
kedja_timeline_step_set_step_id (KedjaTimelineStep *self,
                                 const char        *step_id)
{
  g_return_if_fail (KEDJA_IS_TIMELINE_STEP (self));

  if (g_strcmp0 (self->step_id, step_id) == 0)
    return;
  g_free (self->step_id);
  self->step_id = g_strdup (step_id);
}

void
kedja_timeline_step_set_text (KedjaTimelineStep *self,
                              const char        *label,
                              const char        *description)
{
  g_return_if_fail (KEDJA_IS_TIMELINE_STEP (self));
  g_return_if_fail (label != NULL && description != NULL);

  /* An assistive technology is told of every change: only real ones. */
  if (g_strcmp0 (self->label, label) != 0)
    {
      g_free (self->label);
      self->label = g_strdup (label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  if (g_strcmp0 (self->description, description) != 0)
    {
      g_free (self->description);
      self->description = g_strdup (description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
}

const char *
kedja_timeline_step_get_label (KedjaTimelineStep *self)
{
  g_return_val_if_fail (KEDJA_IS_TIMELINE_STEP (self), NULL);

  return self->label;
}

const char *
kedja_timeline_step_get_description (KedjaTimelineStep *self)
{
  g_return_val_if_fail (KEDJA_IS_TIMELINE_STEP (self), NULL);

  return self->description;
}
