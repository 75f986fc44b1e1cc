/* kedja-plan-view.c — one plan, read-only: who, what and the care chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "kedja-plan-view.h"
#include "kedja-step-row.h"
#include "kedja-window-private.h"

struct _KedjaPlanView
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  AdwStatusPage     *error_page;
  GtkScrolledWindow *scroller;
  GtkLabel          *client_label;
  GtkLabel          *title_label;
  GtkLabel          *status_label;
  GtkImage          *coordinating_icon;
  GtkLabel          *coordinating_label;
  GtkImage          *follow_up_icon;
  GtkLabel          *follow_up_label;
  GtkLabel          *own_goal_title;
  GtkLabel          *own_goal_label;
  GtkListBox        *step_list;

  KedjaPlan         *plan;
};

G_DEFINE_FINAL_TYPE (KedjaPlanView, kedja_plan_view, GTK_TYPE_WIDGET)

/* Chain order: phase by phase as the timeline's lanes run, and by start
 * within a phase; steps without a start come last in their phase. */
static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const KedjaStep *step_a = *(const KedjaStep **) a;
  const KedjaStep *step_b = *(const KedjaStep **) b;
  KedjaDate start_a, start_b;

  if (step_a->phase != step_b->phase)
    return step_a->phase < step_b->phase ? -1 : 1;

  start_a = kedja_step_get_start (step_a);
  start_b = kedja_step_get_start (step_b);
  if (start_a != start_b)
    {
      if (start_a == KEDJA_DATE_NONE)
        return 1;
      if (start_b == KEDJA_DATE_NONE)
        return -1;
      return start_a < start_b ? -1 : 1;
    }

  return g_strcmp0 (step_a->title, step_b->title);
}

static void
remove_steps (KedjaPlanView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->step_list))) != NULL)
    gtk_list_box_remove (self->step_list, child);
}

static void
show_coordination (KedjaPlanView *self,
                   KedjaPlan     *plan)
{
  const char *agency = NULL;
  g_autofree char *text = NULL;

  if (plan->coordinating_agency_id != NULL)
    agency = kedja_plan_get_agency_name (plan, plan->coordinating_agency_id);

  if (agency != NULL && plan->coordinator != NULL && *plan->coordinator != '\0')
    /* TRANSLATORS: the coordinating agency and the coordinator's name */
    text = g_strdup_printf (_("%s (%s)"), agency, plan->coordinator);
  else if (agency != NULL)
    text = g_strdup (agency);

  gtk_widget_set_visible (GTK_WIDGET (self->coordinating_icon), text == NULL);
  if (text != NULL)
    {
      gtk_label_set_label (self->coordinating_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->coordinating_label), "warning");
    }
  else
    {
      gtk_label_set_label (self->coordinating_label, _("None named"));
      gtk_widget_add_css_class (GTK_WIDGET (self->coordinating_label), "warning");
    }
}

static void
show_follow_up (KedjaPlanView *self,
                KedjaPlan     *plan,
                KedjaDate      today)
{
  g_autofree char *date = kedja_date_to_display (plan->follow_up);
  g_autofree char *text = NULL;
  gboolean active = plan->status == KEDJA_PLAN_STATUS_ACTIVE;
  gboolean warn = FALSE;

  if (plan->follow_up == KEDJA_DATE_NONE)
    {
      text = g_strdup (_("Not set"));
      warn = active;
    }
  else if (active && plan->follow_up < today)
    {
      /* TRANSLATORS: a follow-up date that has passed on an active plan */
      text = g_strdup_printf (_("%s (overdue)"), date);
      warn = TRUE;
    }
  else
    {
      text = g_steal_pointer (&date);
    }

  gtk_label_set_label (self->follow_up_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_icon), warn);
  if (warn)
    gtk_widget_add_css_class (GTK_WIDGET (self->follow_up_label), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->follow_up_label), "overdue");
}

static void
show_plan (KedjaPlanView *self,
           KedjaPlan     *plan,
           KedjaDate      today)
{
  g_autoptr(GPtrArray) steps = NULL;
  gboolean has_goal;
  GtkAdjustment *vadjustment;

  /* A protected identity is never shown, not even to the person at the
   * screen: a projector in a SIP meeting is not a private place. */
  gtk_label_set_label (self->client_label,
                       kedja_client_display_name (plan->client->name,
                                                  plan->client->protected_identity));
  if (plan->client->protected_identity)
    gtk_widget_add_css_class (GTK_WIDGET (self->client_label), "protected-identity");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->client_label), "protected-identity");

  gtk_label_set_label (self->title_label, plan->title);
  gtk_label_set_label (self->status_label, kedja_plan_status_get_label (plan->status));
  show_coordination (self, plan);
  show_follow_up (self, plan, today);

  has_goal = plan->own_goal != NULL && *plan->own_goal != '\0';
  if (has_goal)
    {
      /* TRANSLATORS: the client's own goal, quoted in the client's words */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), plan->own_goal);

      gtk_label_set_label (self->own_goal_label, quoted);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->own_goal_title), has_goal);
  gtk_widget_set_visible (GTK_WIDGET (self->own_goal_label), has_goal);

  remove_steps (self);
  steps = g_ptr_array_sized_new (plan->steps->len);
  for (guint i = 0; i < plan->steps->len; i++)
    g_ptr_array_add (steps, g_ptr_array_index (plan->steps, i));
  g_ptr_array_sort (steps, compare_steps);
  for (guint i = 0; i < steps->len; i++)
    gtk_list_box_append (self->step_list, kedja_step_row_new (plan, g_ptr_array_index (steps, i)));

  /* A new plan starts at its top, not where the last one was scrolled to. */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
kedja_plan_view_dispose (GObject *object)
{
  KedjaPlanView *self = KEDJA_PLAN_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KEDJA_TYPE_PLAN_VIEW);
  /* A plain GtkWidget owns its children: unparent whatever is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->plan, kedja_plan_unref);

  G_OBJECT_CLASS (kedja_plan_view_parent_class)->dispose (object);
}

static void
kedja_plan_view_class_init (KedjaPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kedja_plan_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kedja/Kedja/kedja-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, error_page);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, scroller);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, client_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, title_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, status_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, coordinating_icon);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, coordinating_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, follow_up_icon);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, follow_up_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, own_goal_title);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, own_goal_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, step_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planview");

  g_type_ensure (KEDJA_TYPE_STEP_ROW);
}

static void
kedja_plan_view_init (KedjaPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kedja_plan_view_new (void)
{
  return g_object_new (KEDJA_TYPE_PLAN_VIEW, NULL);
}

void
kedja_plan_view_set_plan (KedjaPlanView *self,
                          KedjaPlan     *plan,
                          KedjaDate      today)
{
  g_return_if_fail (KEDJA_IS_PLAN_VIEW (self));

  if (plan != NULL)
    kedja_plan_ref (plan);
  g_clear_pointer (&self->plan, kedja_plan_unref);
  self->plan = plan;

  if (plan == NULL)
    {
      remove_steps (self);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  show_plan (self, plan, today);
}

KedjaPlan *
kedja_plan_view_get_plan (KedjaPlanView *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_VIEW (self), NULL);

  return self->plan;
}

void
kedja_plan_view_show_error (KedjaPlanView *self,
                            const GError  *error)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (KEDJA_IS_PLAN_VIEW (self));
  g_return_if_fail (error != NULL);

  g_clear_pointer (&self->plan, kedja_plan_unref);
  remove_steps (self);

  /* The status page reads its description as Pango markup. */
  escaped = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

GtkListBox *
_kedja_plan_view_get_step_list (KedjaPlanView *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_VIEW (self), NULL);

  return self->step_list;
}
