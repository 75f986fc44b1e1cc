/* kedja-plan-view.c — one plan: who, what, and the care chain as a timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header says whose plan it is and who holds it together; below it the
 * chain, as the timeline (what everyone at a SIP meeting looks at) or as a
 * list (to read step by step). The view shows; the window applies the
 * timeline's edits through the plan editor and gives the view the result.
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "kedja-plan-view.h"
#include "kedja-step-row.h"
#include "kedja-timeline.h"
#include "kedja-window-private.h"

/* Each press of a zoom button, as much as a few turns of Ctrl+scroll. */
#define ZOOM_STEP 1.5

struct _KedjaPlanView
{
  GtkWidget          parent_instance;

  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkScrolledWindow    *scroller;
  GtkLabel             *client_label;
  GtkLabel             *title_label;
  GtkLabel             *status_label;
  GtkImage             *coordinating_icon;
  GtkLabel             *coordinating_label;
  GtkImage             *follow_up_icon;
  GtkLabel             *follow_up_label;
  GtkWidget            *own_goal_box;
  GtkLabel             *own_goal_label;
  GtkListBox           *step_list;
  GtkStack             *content_stack;
  KedjaTimeline        *timeline;
  GtkWidget            *history_box;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;

  KedjaPlan            *plan;
  KedjaAnalysisSettings settings;
  KedjaDate             today;
  gboolean              meeting_mode;
};

enum {
  STEP_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

/* The revision is shown so that people at two screens can tell whether
 * they look at the same version, and see that an edit was saved. */
static void
show_status (KedjaPlanView *self,
             KedjaPlan     *plan)
{
  g_autofree char *text = NULL;

  if (plan->revision > 0)
    /* TRANSLATORS: the plan's status and how many times it has been saved,
     * "Active · revision 12" */
    text = g_strdup_printf (_("%s · revision %d"), kedja_plan_status_get_label (plan->status),
                            (int) MIN (plan->revision, G_MAXINT));
  else
    text = g_strdup (kedja_plan_status_get_label (plan->status));
  gtk_label_set_label (self->status_label, text);
}

static void
show_plan (KedjaPlanView *self,
           KedjaPlan     *plan,
           KedjaDate      today,
           gboolean       same_plan)
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
  show_status (self, plan);
  show_coordination (self, plan);
  show_follow_up (self, plan, today);

  has_goal = plan->own_goal != NULL && *plan->own_goal != '\0';
  if (has_goal)
    {
      /* TRANSLATORS: the client's own goal, quoted in the client's words */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), plan->own_goal);

      gtk_label_set_label (self->own_goal_label, quoted);
    }
  gtk_widget_set_visible (self->own_goal_box, has_goal);

  remove_steps (self);
  steps = g_ptr_array_sized_new (plan->steps->len);
  for (guint i = 0; i < plan->steps->len; i++)
    g_ptr_array_add (steps, g_ptr_array_index (plan->steps, i));
  g_ptr_array_sort (steps, compare_steps);
  for (guint i = 0; i < steps->len; i++)
    gtk_list_box_append (self->step_list, kedja_step_row_new (plan, g_ptr_array_index (steps, i)));

  kedja_timeline_set_plan (self->timeline, plan, &self->settings, today);

  /* A new plan starts at its top, not where the last one was scrolled to;
   * the same plan after an edit stays where the planner was working. */
  if (!same_plan)
    {
      vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
    }

  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
timeline_step_activated_cb (KedjaTimeline *timeline,
                            const char    *step_id,
                            KedjaPlanView *self)
{
  g_signal_emit (self, signals[STEP_ACTIVATED], 0, step_id);
}

static void
step_row_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       KedjaPlanView *self)
{
  if (KEDJA_IS_STEP_ROW (row))
    g_signal_emit (self, signals[STEP_ACTIVATED], 0,
                   kedja_step_row_get_step_id (KEDJA_STEP_ROW (row)));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KedjaPlanView *self = KEDJA_PLAN_VIEW (widget);
  double zoom = kedja_timeline_get_zoom (self->timeline);

  /* The buttons are for the timeline; show it if the list was up. */
  gtk_stack_set_visible_child_name (self->content_stack, "timeline");

  if (g_str_equal (action_name, "timeline.zoom-in"))
    kedja_timeline_set_zoom (self->timeline, zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    kedja_timeline_set_zoom (self->timeline, zoom / ZOOM_STEP);
  else
    kedja_timeline_zoom_to_fit (self->timeline);
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
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, own_goal_box);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, own_goal_label);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, step_list);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, timeline);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, history_box);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, undo_button);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanView, redo_button);
  gtk_widget_class_bind_template_callback (widget_class, timeline_step_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_action);

  /**
   * KedjaPlanView::step-activated:
   * @step_id: the step
   *
   * The planner wants to see a step: double-click or Enter on the
   * timeline, or a row of the list.
   */
  signals[STEP_ACTIVATED] =
    g_signal_new ("step-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planview");

  g_type_ensure (KEDJA_TYPE_STEP_ROW);
  g_type_ensure (KEDJA_TYPE_TIMELINE);
}

static void
kedja_plan_view_init (KedjaPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  kedja_analysis_settings_init (&self->settings);
  self->today = kedja_date_today ();
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
  gboolean same_plan;

  g_return_if_fail (KEDJA_IS_PLAN_VIEW (self));

  same_plan = plan != NULL && self->plan != NULL && g_strcmp0 (plan->id, self->plan->id) == 0;
  if (plan != NULL)
    kedja_plan_ref (plan);
  g_clear_pointer (&self->plan, kedja_plan_unref);
  self->plan = plan;
  self->today = today;

  if (plan == NULL)
    {
      remove_steps (self);
      kedja_timeline_set_plan (self->timeline, NULL, &self->settings, today);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  show_plan (self, plan, today, same_plan);
}

void
kedja_plan_view_set_analysis_settings (KedjaPlanView               *self,
                                       const KedjaAnalysisSettings *settings)
{
  g_return_if_fail (KEDJA_IS_PLAN_VIEW (self));

  if (settings != NULL)
    self->settings = *settings;
  else
    kedja_analysis_settings_init (&self->settings);

  if (self->plan != NULL)
    kedja_timeline_set_plan (self->timeline, self->plan, &self->settings, self->today);
}

const KedjaAnalysisSettings *
kedja_plan_view_get_analysis_settings (KedjaPlanView *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_VIEW (self), NULL);

  return &self->settings;
}

KedjaTimeline *
kedja_plan_view_get_timeline (KedjaPlanView *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_VIEW (self), NULL);

  return self->timeline;
}

static void
fit_after_layout_cb (GdkFrameClock *clock,
                     KedjaPlanView *self)
{
  g_signal_handlers_disconnect_by_func (clock, fit_after_layout_cb, self);
  kedja_timeline_zoom_to_fit (self->timeline);
}

/* Fits the whole plan once the timeline has its new width: the meeting
 * mode takes the list away and makes the lanes larger, and a zoom chosen
 * for the old width would leave the chain in a corner of the projector. */
static void
fit_after_layout (KedjaPlanView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->timeline));

  if (clock == NULL)
    {
      kedja_timeline_zoom_to_fit (self->timeline);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, fit_after_layout_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (fit_after_layout_cb), self, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self->timeline));
}

/* On a projector the chain is what matters: the timeline, large, and
 * nothing that edits. The client's name grows with it (see style.css). */
void
kedja_plan_view_set_meeting_mode (KedjaPlanView *self,
                                  gboolean       meeting_mode)
{
  g_return_if_fail (KEDJA_IS_PLAN_VIEW (self));

  meeting_mode = !!meeting_mode;
  if (meeting_mode == self->meeting_mode)
    return;
  self->meeting_mode = meeting_mode;

  kedja_timeline_set_meeting_mode (self->timeline, meeting_mode);
  kedja_timeline_set_editable (self->timeline, !meeting_mode);
  gtk_widget_set_visible (self->history_box, !meeting_mode);
  if (meeting_mode)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "timeline");
      gtk_widget_add_css_class (GTK_WIDGET (self), "meeting");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "meeting");
    }
  if (self->plan != NULL)
    fit_after_layout (self);
}

gboolean
kedja_plan_view_get_meeting_mode (KedjaPlanView *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_VIEW (self), FALSE);

  return self->meeting_mode;
}

/* The buttons say what they would undo: "Undo Move “Behandlingshem”". */
void
kedja_plan_view_set_history (KedjaPlanView *self,
                             const char    *undo_description,
                             const char    *redo_description)
{
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  g_return_if_fail (KEDJA_IS_PLAN_VIEW (self));

  if (undo_description != NULL)
    /* TRANSLATORS: %s is an edit, "Move “Behandlingshem”" */
    undo = g_strdup_printf (_("Undo: %s (Ctrl+Z)"), undo_description);
  if (redo_description != NULL)
    /* TRANSLATORS: %s is an edit, "Move “Behandlingshem”" */
    redo = g_strdup_printf (_("Redo: %s (Shift+Ctrl+Z)"), redo_description);

  gtk_widget_set_tooltip_text (self->undo_button, undo != NULL ? undo : _("Undo (Ctrl+Z)"));
  gtk_widget_set_tooltip_text (self->redo_button, redo != NULL ? redo : _("Redo (Shift+Ctrl+Z)"));
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
  kedja_timeline_set_plan (self->timeline, NULL, &self->settings, self->today);

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
