/* kedja-timeline-popover.c — what the timeline says about a step, a gap or a handover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tooltips over bars, bands, badges and handovers, and the popover a
 * click opens: each finding's message, what to do, who should act, and
 * its quick action ("Lägg in överbryggande insats", "Markera överlämning
 * bekräftad"). The quick actions are signals, offered only while the
 * timeline can be edited.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-timeline-input-private.h"

/* Findings, for tooltips and the popover ================================== */

/* Days on which the person has no help: a bridging step covers them. */
static gboolean
is_gap (const KedjaFinding *finding)
{
  switch (finding->rule)
    {
    case KEDJA_RULE_UNCOVERED_DAYS:
    case KEDJA_RULE_HANDOVER_GAP:
    case KEDJA_RULE_NO_HOUSING_AFTER_TREATMENT:
    case KEDJA_RULE_LONG_WAIT:
      return finding->start != KEDJA_DATE_NONE && kedja_timeline_finding_lane (finding) >= 0;
    default:
      return FALSE;
    }
}

/* A handover that a confirmation would put right. */
static const KedjaHandover *
confirmable_handover (const KedjaFinding *finding)
{
  switch (finding->rule)
    {
    case KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER:
    case KEDJA_RULE_UNCONFIRMED_HANDOVER:
    case KEDJA_RULE_HANDOVER_GAP:
      if (finding->handover != NULL && finding->handover->confirmed == KEDJA_DATE_NONE)
        return finding->handover;
      return NULL;
    default:
      return NULL;
    }
}

static const char *
step_title (const KedjaPlan *plan,
            const char      *step_id)
{
  const KedjaStep *step = step_id != NULL ? kedja_plan_find_step (plan, step_id) : NULL;

  if (step == NULL)
    return "";
  return step->title != NULL && *step->title != '\0' ? step->title
                                                     : kedja_phase_get_label (step->phase);
}

static char *
handover_title (const KedjaPlan     *plan,
                const KedjaHandover *handover)
{
  /* TRANSLATORS: a handover on the timeline, between two steps' titles */
  return g_strdup_printf (_("Handover from “%s” to “%s”"), step_title (plan, handover->from_step_id),
                          step_title (plan, handover->to_step_id));
}

static char *
handover_state (const KedjaHandover *handover)
{
  g_autofree char *planned = kedja_date_to_display (handover->planned);
  g_autofree char *confirmed = kedja_date_to_display (handover->confirmed);
  g_autofree char *when = NULL;

  if (handover->planned != KEDJA_DATE_NONE)
    /* TRANSLATORS: when a handover should happen */
    when = g_strdup_printf (_("Planned for %s"), planned);
  else
    when = g_strdup (_("No date planned"));

  if (handover->confirmed != KEDJA_DATE_NONE)
    /* TRANSLATORS: a handover's date, then the day the receiver confirmed
     * taking over: "Planned for 30 Nov 2026, confirmed on 28 Nov 2026" */
    return g_strdup_printf (_("%s, confirmed on %s"), when, confirmed);
  /* TRANSLATORS: a handover's date, and that nobody confirmed it yet */
  return g_strdup_printf (_("%s, not confirmed"), when);
}

/* Tooltips ================================================================ */

static void
append_finding_line (GString            *markup,
                     const KedjaFinding *finding,
                     const KedjaPlan    *plan)
{
  g_autofree char *message = kedja_finding_format_message (finding, plan);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_string_append_printf (markup, "\n<b>%s:</b> %s", kedja_severity_get_label (finding->severity),
                          escaped);
}

static char *
step_tooltip (KedjaTimeline *self,
              guint          index)
{
  const KedjaPlan *plan = self->shown.plan;
  const KedjaStep *step = g_ptr_array_index (plan->steps, index);
  g_autofree char *dates = kedja_date_range_to_display (kedja_step_get_start (step),
                                                        kedja_step_get_end (step));
  const char *agency = kedja_plan_get_agency_name (plan, step->agency_id);
  GString *markup = g_string_new (NULL);
  g_autofree char *line = NULL;

  line = g_markup_escape_text (step_title (plan, step->id), -1);
  g_string_append_printf (markup, "<b>%s</b>", line);
  g_clear_pointer (&line, g_free);
  line = g_markup_printf_escaped ("\n%s · %s", kedja_phase_get_label (step->phase),
                                  *agency != '\0' ? agency : _("no responsible agency"));
  g_string_append (markup, line);
  g_clear_pointer (&line, g_free);
  line = g_markup_printf_escaped ("\n%s · %s", dates, kedja_step_status_get_label (step->status));
  g_string_append (markup, line);

  for (guint i = 0; self->shown.findings != NULL && i < self->shown.findings->len; i++)
    {
      const KedjaFinding *finding = &g_array_index (self->shown.findings, KedjaFinding, i);

      if (finding->step == step || finding->next_step == step)
        append_finding_line (markup, finding, plan);
    }
  return g_string_free (markup, FALSE);
}

static char *
target_tooltip (KedjaTimeline *self,
                const Target  *target)
{
  const KedjaTimelineShown *shown = &self->shown;
  const KedjaTimelineLayout *layout = shown->layout;
  GString *markup;

  switch (target->kind)
    {
    case TARGET_STEP:
      return step_tooltip (self, target->index);
    case TARGET_BAND:
    case TARGET_BADGE:
      {
        guint finding = target->kind == TARGET_BAND
                          ? kedja_timeline_layout_get_band (layout, target->index)->finding
                          : kedja_timeline_layout_get_badge (layout, target->index)->finding;

        markup = g_string_new (NULL);
        append_finding_line (markup, &g_array_index (shown->findings, KedjaFinding, finding),
                             shown->plan);
        /* Without the line break the finding starts with. */
        g_string_erase (markup, 0, 1);
        return g_string_free (markup, FALSE);
      }
    case TARGET_HANDOVER:
      {
        KedjaTimelineView view = _kedja_timeline_input_view (self);
        double x1, y1, x2, y2;
        const KedjaHandover *handover =
          kedja_timeline_layout_get_handover (layout, &view, target->index, &x1, &y1, &x2, &y2);
        g_autofree char *title = handover_title (shown->plan, handover);
        g_autofree char *state = handover_state (handover);
        g_autofree char *line = NULL;

        /* Escaped: step titles are the planners' own words. */
        line = g_markup_printf_escaped ("<b>%s</b>\n%s", title, state);
        markup = g_string_new (line);
        for (guint i = 0; i < shown->findings->len; i++)
          {
            const KedjaFinding *finding = &g_array_index (shown->findings, KedjaFinding, i);

            if (finding->handover == handover)
              append_finding_line (markup, finding, shown->plan);
          }
        return g_string_free (markup, FALSE);
      }
    case TARGET_NONE:
    default:
      return NULL;
    }
}

char *
_kedja_timeline_tooltip_markup_at (KedjaTimeline *self,
                                   double         x,
                                   double         y)
{
  Target target;

  g_return_val_if_fail (KEDJA_IS_TIMELINE (self), NULL);

  if (self->shown.plan == NULL || _kedja_timeline_is_dragging (self))
    return NULL;
  target = _kedja_timeline_target_at (self, x, y);
  return target_tooltip (self, &target);
}

gboolean
_kedja_timeline_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  KedjaTimeline *self = KEDJA_TIMELINE (widget);
  g_autofree char *markup = NULL;
  Target target = { TARGET_NONE };

  if (self->shown.plan == NULL || self->input->mode != DRAG_NONE)
    return FALSE;

  if (keyboard_mode)
    {
      /* Ctrl+F1: the step in focus. */
      int step = _kedja_timeline_get_focused_step (self);
      double bx, by, bw, bh;
      const KedjaTimelineLayout *layout = self->shown.layout;
      int item = step >= 0 ? kedja_timeline_layout_find_step (layout, step) : -1;

      if (item < 0)
        return FALSE;
      {
        KedjaTimelineView view = _kedja_timeline_input_view (self);

        kedja_timeline_layout_get_bar (layout, &view, item, &bx, &by, &bw, &bh);
      }
      target.kind = TARGET_STEP;
      target.index = (guint) step;
      target.area = _kedja_timeline_visible_area (self, bx, by - _kedja_timeline_get_scroll_y (self),
                                                  bw, bh);
    }
  else
    target = _kedja_timeline_target_at (self, x, y);

  markup = target_tooltip (self, &target);
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  /* Asked again when the pointer leaves what it describes. */
  gtk_tooltip_set_tip_area (tooltip, &target.area);
  return TRUE;
}

/* The popover ============================================================= */

typedef enum {
  QUICK_BRIDGING_STEP,
  QUICK_CONFIRM_HANDOVER,
} QuickKind;

/* What a quick action button emits, copied: the plan it was made from
 * may be gone when it is clicked. */
typedef struct {
  QuickKind  kind;
  KedjaPhase phase;
  KedjaDate  start;
  KedjaDate  end;
  char      *from_step_id;
  char      *to_step_id;
} QuickAction;

static void
quick_action_free (QuickAction *action)
{
  g_free (action->from_step_id);
  g_free (action->to_step_id);
  g_free (action);
}

static void
quick_action_clicked_cb (GtkButton     *button,
                         KedjaTimeline *self)
{
  QuickAction *action = g_object_get_data (G_OBJECT (button), "kedja-quick-action");
  QuickAction copy = *action;

  /* The app answers with a new plan, and the popover was about the old. */
  copy.from_step_id = g_strdup (action->from_step_id);
  copy.to_step_id = g_strdup (action->to_step_id);
  gtk_popover_popdown (GTK_POPOVER (self->input->popover));

  if (_kedja_timeline_can_edit (self))
    {
      if (copy.kind == QUICK_BRIDGING_STEP)
        g_signal_emit (self, _kedja_timeline_signals[KEDJA_TIMELINE_SIGNAL_ADD_BRIDGING_STEP], 0,
                       copy.phase, (int) copy.start, (int) copy.end);
      else
        g_signal_emit (self, _kedja_timeline_signals[KEDJA_TIMELINE_SIGNAL_CONFIRM_HANDOVER], 0,
                       copy.from_step_id, copy.to_step_id);
    }
  g_free (copy.from_step_id);
  g_free (copy.to_step_id);
}

static GtkWidget *
quick_button (KedjaTimeline *self,
              const char    *label,
              QuickAction   *action)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data_full (G_OBJECT (button), "kedja-quick-action", action,
                          (GDestroyNotify) quick_action_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (quick_action_clicked_cb), self, 0);
  return button;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
handover_confirm_button (KedjaTimeline       *self,
                         const KedjaHandover *handover)
{
  QuickAction *action = g_new0 (QuickAction, 1);

  action->kind = QUICK_CONFIRM_HANDOVER;
  action->from_step_id = g_strdup (handover->from_step_id);
  action->to_step_id = g_strdup (handover->to_step_id);
  /* TRANSLATORS: the quick action of a handover that is not confirmed */
  return quick_button (self, _("Mark Handover Confirmed"), action);
}

/* One finding: what it is (severity, not by colour alone), its message,
 * what to do and who should do it, and the quick action that does it. */
static GtkWidget *
finding_box (KedjaTimeline      *self,
             const KedjaFinding *finding,
             gboolean            confirm_here)
{
  const KedjaPlan *plan = self->shown.plan;
  g_autofree char *message = kedja_finding_format_message (finding, plan);
  g_autofree char *action = kedja_finding_format_action (finding, plan);
  g_autofree char *actor = kedja_finding_format_actor (finding, plan);
  g_autofree char *who = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  const KedjaHandover *handover = confirmable_handover (finding);
  gboolean editable = _kedja_timeline_can_edit (self);

  gtk_box_append (GTK_BOX (title), gtk_image_new_from_icon_name (kedja_severity_get_icon_name (finding->severity)));
  /* TRANSLATORS: a finding's heading in the popover: its severity and
   * rule, "Critical · Uncovered days" */
  heading = g_strdup_printf (_("%s · %s"), kedja_severity_get_label (finding->severity),
                             kedja_rule_get_label (finding->rule));
  label = gtk_label_new (heading);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (title), label);
  gtk_box_append (GTK_BOX (box), title);

  gtk_box_append (GTK_BOX (box), wrapped_label (message, NULL));
  gtk_box_append (GTK_BOX (box), wrapped_label (action, NULL));
  /* TRANSLATORS: who should act on a finding: an agency's name, or the
   * coordinator */
  who = g_strdup_printf (_("Who should act: %s"), actor);
  gtk_box_append (GTK_BOX (box), wrapped_label (who, "dim-label"));

  if (editable && is_gap (finding))
    {
      QuickAction *quick = g_new0 (QuickAction, 1);

      quick->kind = QUICK_BRIDGING_STEP;
      quick->phase = (KedjaPhase) kedja_timeline_finding_lane (finding);
      quick->start = finding->start;
      quick->end = finding->end;
      /* TRANSLATORS: the quick action of a gap in the chain: a step that
       * covers it ("Lägg in överbryggande insats") */
      gtk_box_append (GTK_BOX (box), quick_button (self, _("Add a Bridging Step"), quick));
    }
  if (editable && confirm_here && handover != NULL)
    gtk_box_append (GTK_BOX (box), handover_confirm_button (self, handover));
  return box;
}

/* A handover's title and state: "Handover from … to …", "Planned for
 * …, not confirmed". */
static GtkWidget *
handover_header (const KedjaPlan     *plan,
                 const KedjaHandover *handover)
{
  g_autofree char *title = handover_title (plan, handover);
  g_autofree char *state = handover_state (handover);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (header), wrapped_label (title, "heading"));
  gtk_box_append (GTK_BOX (header), wrapped_label (state, NULL));
  return header;
}

/* The same with its quick action, for a step's popover. */
static GtkWidget *
handover_box (KedjaTimeline       *self,
              const KedjaHandover *handover)
{
  GtkWidget *box = handover_header (self->shown.plan, handover);

  if (_kedja_timeline_can_edit (self))
    gtk_box_append (GTK_BOX (box), handover_confirm_button (self, handover));
  return box;
}

static GtkWidget *
ensure_popover (KedjaTimeline *self)
{
  KedjaTimelineInput *in = self->input;

  if (in->popover == NULL)
    {
      in->popover = gtk_popover_new ();
      gtk_widget_add_css_class (in->popover, "kedja-finding");
      gtk_widget_set_parent (in->popover, GTK_WIDGET (self));
    }
  return in->popover;
}

/* Shows @content in the popover, pointing at @area. */
static GtkPopover *
show_popover (KedjaTimeline      *self,
              GtkWidget          *content,
              const GdkRectangle *area)
{
  GtkPopover *popover = GTK_POPOVER (ensure_popover (self));

  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  gtk_widget_set_margin_start (content, 6);
  gtk_widget_set_margin_end (content, 6);
  gtk_popover_set_child (popover, content);
  gtk_popover_set_pointing_to (popover, area);
  gtk_popover_set_position (popover, GTK_POS_BOTTOM);
  gtk_popover_popup (popover);
  return popover;
}

static void
append_separated (GtkWidget *box,
                  GtkWidget *child)
{
  if (gtk_widget_get_first_child (box) != NULL)
    gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), child);
}

static GtkPopover *
popover_for_target (KedjaTimeline *self,
                    const Target  *target,
                    double         x)
{
  const KedjaTimelineShown *shown = &self->shown;
  const KedjaTimelineLayout *layout = shown->layout;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GdkRectangle area = target->area;

  switch (target->kind)
    {
    case TARGET_BAND:
      {
        const KedjaTimelineBand *band = kedja_timeline_layout_get_band (layout, target->index);

        append_separated (box, finding_box (self, &g_array_index (shown->findings, KedjaFinding,
                                                                  band->finding),
                                            TRUE));
        /* A band can be months wide: point where it was clicked. */
        area.x = (int) CLAMP (x, area.x, area.x + area.width - 1);
        area.width = 1;
        break;
      }
    case TARGET_BADGE:
      {
        guint finding = kedja_timeline_layout_get_badge (layout, target->index)->finding;

        append_separated (box, finding_box (self, &g_array_index (shown->findings, KedjaFinding,
                                                                  finding),
                                            TRUE));
        break;
      }
    case TARGET_HANDOVER:
      {
        KedjaTimelineView view = _kedja_timeline_input_view (self);
        double x1, y1, x2, y2;
        const KedjaHandover *handover =
          kedja_timeline_layout_get_handover (layout, &view, target->index, &x1, &y1, &x2, &y2);

        append_separated (box, handover_header (shown->plan, handover));
        for (guint i = 0; i < shown->findings->len; i++)
          {
            const KedjaFinding *finding = &g_array_index (shown->findings, KedjaFinding, i);

            /* One confirmation button for the handover, below. */
            if (finding->handover == handover)
              append_separated (box, finding_box (self, finding, FALSE));
          }
        if (_kedja_timeline_can_edit (self) && handover->confirmed == KEDJA_DATE_NONE)
          gtk_box_append (GTK_BOX (box), handover_confirm_button (self, handover));
        break;
      }
    case TARGET_STEP:
    case TARGET_NONE:
    default:
      g_object_ref_sink (box);
      g_object_unref (box);
      return NULL;
    }
  return show_popover (self, box, &area);
}

/* Every finding of step @step, from the keyboard or a right click. */
GtkPopover *
_kedja_timeline_popover_for_step (KedjaTimeline *self,
                                  guint          step_index)
{
  const KedjaTimelineShown *shown = &self->shown;
  const KedjaStep *step = g_ptr_array_index (shown->plan->steps, step_index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GHashTable *confirmed_here = g_hash_table_new (NULL, NULL);
  int item = kedja_timeline_layout_find_step (shown->layout, step_index);
  guint n_findings = 0;
  KedjaTimelineView view = _kedja_timeline_input_view (self);
  double bx, by, bw, bh;
  GdkRectangle area;

  if (item < 0)
    {
      g_hash_table_unref (confirmed_here);
      g_object_ref_sink (box);
      g_object_unref (box);
      return NULL;
    }

  append_separated (box, wrapped_label (step_title (shown->plan, step->id), "heading"));
  for (guint i = 0; i < shown->findings->len; i++)
    {
      const KedjaFinding *finding = &g_array_index (shown->findings, KedjaFinding, i);
      const KedjaHandover *handover = confirmable_handover (finding);

      if (finding->step != step && finding->next_step != step)
        continue;
      /* A handover's button once, with the first of its findings. */
      append_separated (box, finding_box (self, finding,
                                          handover != NULL
                                            && g_hash_table_add (confirmed_here,
                                                                 (gpointer) handover)));
      n_findings++;
    }
  if (n_findings == 0)
    /* TRANSLATORS: the popover of a step the gap analysis has nothing to
     * say about */
    gtk_box_append (GTK_BOX (box), wrapped_label (_("No problems found in this step."), NULL));

  /* Its handovers nobody has confirmed yet, problem or not: from the
   * keyboard this is the only way to them. */
  for (guint i = 0; i < shown->plan->handovers->len; i++)
    {
      const KedjaHandover *handover = g_ptr_array_index (shown->plan->handovers, i);

      if (handover->confirmed != KEDJA_DATE_NONE
          || (g_strcmp0 (handover->from_step_id, step->id) != 0
              && g_strcmp0 (handover->to_step_id, step->id) != 0)
          || g_hash_table_contains (confirmed_here, handover))
        continue;
      append_separated (box, handover_box (self, handover));
    }
  g_hash_table_unref (confirmed_here);

  kedja_timeline_layout_get_bar (shown->layout, &view, item, &bx, &by, &bw, &bh);
  area = _kedja_timeline_visible_area (self, bx, by - _kedja_timeline_get_scroll_y (self), bw, bh);
  return show_popover (self, box, &area);
}

GtkPopover *
_kedja_timeline_get_popover (KedjaTimeline *self)
{
  g_return_val_if_fail (KEDJA_IS_TIMELINE (self), NULL);

  return self->input->popover != NULL ? GTK_POPOVER (self->input->popover) : NULL;
}

GtkPopover *
_kedja_timeline_click_at (KedjaTimeline *self,
                          int            n_press,
                          double         x,
                          double         y)
{
  Target target;

  g_return_val_if_fail (KEDJA_IS_TIMELINE (self), NULL);

  if (self->shown.plan == NULL)
    return NULL;
  target = _kedja_timeline_target_at (self, x, y);

  if (n_press == 2 && target.kind == TARGET_STEP)
    {
      const KedjaStep *step = g_ptr_array_index (self->shown.plan->steps, target.index);

      g_signal_emit (self, _kedja_timeline_signals[KEDJA_TIMELINE_SIGNAL_STEP_ACTIVATED], 0,
                     step->id);
      return NULL;
    }
  if (n_press != 1)
    return NULL;
  return popover_for_target (self, &target, x);
}

