/* kedja-timeline-a11y.c — the care chain for a screen reader and for Tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In GTK 4.8 only a widget can be an accessible object (GtkAccessible for
 * other objects came in 4.10), so each step the timeline shows has a
 * child widget, a KedjaTimelineStep: the accessible list item a screen
 * reader walks, named by the step's title and described by its phase,
 * agency, dates, status and findings. The same children carry keyboard
 * focus, so that Tab, the focus ring and what a screen reader announces
 * all follow real GTK focus.
 *
 * They must cost a frame nothing: they draw nothing and the timeline
 * never snapshots them; only those whose bars are in view are mapped and
 * allocated (over their bars, so that a screen reader's highlight lands
 * there), the rest are unmapped with gtk_widget_set_child_visible().
 * Children are kept by index in plan->steps and reused when the app gives
 * a new plan after every edit; GTK hears of a name or description only
 * when it changed. Their order among the timeline's children is the chain
 * order, the order a screen reader walks them in.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "kedja-timeline-private.h"
#include "kedja-timeline-step.h"
#include "kedja-util.h"

static GtkWidgetClass *parent_widget_class;

/* The children ============================================================ */

GtkWidget *
_kedja_timeline_get_step_widget (KedjaTimeline *self,
                                 guint          step)
{
  if (self->step_widgets == NULL || step >= self->step_widgets->len)
    return NULL;
  return g_ptr_array_index (self->step_widgets, step);
}

int
_kedja_timeline_get_focused_step (KedjaTimeline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !KEDJA_IS_TIMELINE_STEP (focus)
      || gtk_widget_get_parent (focus) != GTK_WIDGET (self))
    return -1;
  return (int) kedja_timeline_step_get_index (KEDJA_TIMELINE_STEP (focus));
}

/* Where step @step's bar is now, in widget coordinates; FALSE when it has
 * none. */
static gboolean
get_step_rect (KedjaTimeline *self,
               guint          step,
               double        *x,
               double        *y,
               double        *w,
               double        *h)
{
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (self);
  KedjaTimelineView view = self->view;
  int item = layout != NULL ? kedja_timeline_layout_find_step (layout, step) : -1;

  if (item < 0)
    return FALSE;
  view.width = gtk_widget_get_width (GTK_WIDGET (self));
  kedja_timeline_layout_get_bar (layout, &view, item, x, y, w, h);
  *y -= _kedja_timeline_get_scroll_y (self);
  return TRUE;
}

static gboolean
step_in_view (KedjaTimeline *self,
              guint          step)
{
  double x, y, w, h;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  return get_step_rect (self, step, &x, &y, &w, &h)
         && x + w > self->view.time_left && x < width
         && y + h > self->metrics.axis_height && y < height;
}

/* Bars can be years long at a high zoom: an allocation that large means
 * nothing to anyone, and GTK's coordinates are ints. */
#define ALLOCATION_REACH 4096.0

void
_kedja_timeline_allocate_steps (KedjaTimeline *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  int focused;

  if (self->step_widgets == NULL)
    return;

  /* A focused step stays mapped wherever its bar has scrolled to: GTK
   * would otherwise move the focus away from it. */
  focused = _kedja_timeline_get_focused_step (self);

  for (guint i = 0; i < self->step_widgets->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (self->step_widgets, i);
      double x, y, w, h, x1, x2;
      gboolean show;

      if (!gtk_widget_get_visible (child))
        continue;
      show = step_in_view (self, i) || (int) i == focused;
      if (!show)
        {
          if (gtk_widget_get_child_visible (child))
            gtk_widget_set_child_visible (child, FALSE);
          continue;
        }
      if (!get_step_rect (self, i, &x, &y, &w, &h))
        continue;
      if (!gtk_widget_get_child_visible (child))
        gtk_widget_set_child_visible (child, TRUE);

      x1 = CLAMP (x, -ALLOCATION_REACH, width + ALLOCATION_REACH);
      x2 = CLAMP (x + w, -ALLOCATION_REACH, width + ALLOCATION_REACH);
      /* Measured (free: 0 × 0, and cached) because GTK wants every
       * allocation to follow a measure. */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { (int) floor (x1), (int) floor (y),
                                                   MAX (1, (int) ceil (x2 - x1)),
                                                   MAX (1, (int) ceil (h)) },
                                -1);
    }
}

/* Chain order ============================================================= */

typedef struct {
  KedjaDate start;
  int       lane;
  guint     row;
  guint     index;
} ChainKey;

static int
compare_chain_keys (gconstpointer pa,
                    gconstpointer pb)
{
  const ChainKey *a = pa, *b = pb;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->lane != b->lane)
    return a->lane < b->lane ? -1 : 1;
  if (a->row != b->row)
    return a->row < b->row ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* By start, then lane from top to bottom, then row: the order a person
 * reads the chain in, and the order of the children. */
static void
update_chain (KedjaTimeline *self)
{
  const KedjaTimelineLayout *layout = self->shown.layout;
  guint n = layout != NULL ? kedja_timeline_layout_get_n_items (layout) : 0;
  g_autofree ChainKey *keys = g_new (ChainKey, MAX (n, 1));
  GtkWidget *previous = NULL;

  for (guint i = 0; i < n; i++)
    {
      const KedjaTimelineItem *item = kedja_timeline_layout_get_item (layout, i);

      keys[i] = (ChainKey) { item->start, item->lane, item->row, item->index };
    }
  qsort (keys, n, sizeof (ChainKey), (int (*) (const void *, const void *)) compare_chain_keys);

  g_array_set_size (self->chain, 0);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *child = _kedja_timeline_get_step_widget (self, keys[i].index);

      g_array_append_val (self->chain, keys[i].index);
      /* Moved only when out of place: after an edit the order seldom
       * changes, and a move tells an assistive technology. */
      if (child != NULL && gtk_widget_get_prev_sibling (child) != previous)
        gtk_widget_insert_after (child, GTK_WIDGET (self), previous);
      if (child != NULL)
        previous = child;
    }
}

static int
chain_position (KedjaTimeline *self,
                guint          step)
{
  for (guint i = 0; i < self->chain->len; i++)
    if (g_array_index (self->chain, guint, i) == step)
      return (int) i;
  return -1;
}

int
_kedja_timeline_chain_first (KedjaTimeline *self,
                             gboolean       in_view)
{
  if (self->chain == NULL || self->chain->len == 0)
    return -1;
  for (guint i = 0; in_view && i < self->chain->len; i++)
    if (step_in_view (self, g_array_index (self->chain, guint, i)))
      return (int) g_array_index (self->chain, guint, i);
  return (int) g_array_index (self->chain, guint, 0);
}

int
_kedja_timeline_chain_last (KedjaTimeline *self,
                            gboolean       in_view)
{
  if (self->chain == NULL || self->chain->len == 0)
    return -1;
  for (guint i = self->chain->len; in_view && i > 0; i--)
    if (step_in_view (self, g_array_index (self->chain, guint, i - 1)))
      return (int) g_array_index (self->chain, guint, i - 1);
  return (int) g_array_index (self->chain, guint, self->chain->len - 1);
}

int
_kedja_timeline_chain_next (KedjaTimeline *self,
                            guint          step,
                            int            delta)
{
  int position = self->chain != NULL ? chain_position (self, step) : -1;

  if (position < 0 || position + delta < 0 || position + delta >= (int) self->chain->len)
    return -1;
  return (int) g_array_index (self->chain, guint, position + delta);
}

/* Days between two spans, 0 when they share one. */
static KedjaDate
days_apart (const KedjaTimelineItem *a,
            const KedjaTimelineItem *b)
{
  return MAX (0, MAX (a->start, b->start) - MIN (a->end, b->end));
}

int
_kedja_timeline_step_beside (KedjaTimeline *self,
                             guint          step,
                             int            delta)
{
  const KedjaTimelineLayout *layout = self->shown.layout;
  KedjaTimelineView view = self->view;
  const KedjaTimelineItem *from;
  double fx, fy, fw, fh, best_y = 0;
  int from_item, best = -1;
  KedjaDate best_apart = 0, best_middle = 0;

  if (layout == NULL || (from_item = kedja_timeline_layout_find_step (layout, step)) < 0)
    return -1;
  from = kedja_timeline_layout_get_item (layout, from_item);
  kedja_timeline_layout_get_bar (layout, &view, from_item, &fx, &fy, &fw, &fh);

  /* The nearest row up or down that holds a bar, and in it the bar
   * nearest in time: overlapping first, then by the distance between
   * middles. Rows are the layout's, so this is what the eye sees. */
  for (guint i = 0; i < kedja_timeline_layout_get_n_items (layout); i++)
    {
      const KedjaTimelineItem *item = kedja_timeline_layout_get_item (layout, i);
      double x, y, w, h;
      KedjaDate apart, middle;

      kedja_timeline_layout_get_bar (layout, &view, i, &x, &y, &w, &h);
      if (delta > 0 ? y <= fy + 0.5 : y >= fy - 0.5)
        continue;
      apart = days_apart (item, from);
      middle = ABS ((item->start + item->end) - (from->start + from->end));
      if (best < 0 || fabs (y - fy) < fabs (best_y - fy) - 0.5
          || (fabs (y - best_y) <= 0.5
              && (apart < best_apart || (apart == best_apart && middle < best_middle))))
        {
          best = (int) item->index;
          best_y = y;
          best_apart = apart;
          best_middle = middle;
        }
    }
  return best;
}

/* Focus =================================================================== */

/* How far from the edges a step brought into view stays. */
#define VIEW_MARGIN 24.0

static void
scroll_into_view (KedjaTimeline *self,
                  guint          step)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double left = self->view.time_left + VIEW_MARGIN, right = width - VIEW_MARGIN;
  double top = self->metrics.axis_height + VIEW_MARGIN / 2, bottom = height - VIEW_MARGIN / 2;
  double x, y, w, h, dx = 0;

  if (width <= self->view.time_left || !get_step_rect (self, step, &x, &y, &w, &h))
    return;

  if (w <= right - left)
    {
      if (x < left)
        dx = x - left;
      else if (x + w > right)
        dx = x + w - right;
    }
  else if (x >= right || x + w <= left)
    {
      /* Longer than the view: its start, where it begins, in sight. */
      dx = x - left;
    }
  if (dx != 0)
    _kedja_timeline_scroll_by (self, dx, 0);

  /* The lanes scroll under the axis; a vertical scroll is no pan of time,
   * so it leaves a fitted view fitted. */
  if (self->vadjustment != NULL && (y < top || y + h > bottom))
    {
      double value = gtk_adjustment_get_value (self->vadjustment);

      value += y < top ? y - top : MIN (y + h - bottom, y - top);
      gtk_adjustment_set_value (self->vadjustment, value);
    }
}

gboolean
_kedja_timeline_focus_step (KedjaTimeline *self,
                            guint          step,
                            gboolean       from_keys)
{
  GtkWidget *child = _kedja_timeline_get_step_widget (self, step);

  if (child == NULL || !gtk_widget_get_visible (child))
    return FALSE;

  /* A click is on the bar, which must not scroll away from the pointer. */
  if (from_keys)
    scroll_into_view (self, step);
  _kedja_timeline_set_focus_step (self, (int) step, from_keys);
  /* Mapped now: the next allocation puts it over its bar. */
  if (!gtk_widget_get_child_visible (child))
    gtk_widget_set_child_visible (child, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return gtk_widget_grab_focus (child);
}

/* GTK tells the timeline which child has the focus: the drawing follows
 * (focus_step, and the ring while it is one that keys gave). */
static void
kedja_timeline_set_focus_child (GtkWidget *widget,
                                GtkWidget *child)
{
  KedjaTimeline *self = KEDJA_TIMELINE (widget);

  parent_widget_class->set_focus_child (widget, child);

  if (child != NULL && KEDJA_IS_TIMELINE_STEP (child))
    {
      int step = (int) kedja_timeline_step_get_index (KEDJA_TIMELINE_STEP (child));

      _kedja_timeline_set_focus_step (self, step, step == self->focus_step && self->show_focus);
    }
  /* The ring comes and goes with the focus. */
  gtk_widget_queue_draw (widget);
}

/* What is said ============================================================ */

static gboolean
finding_concerns (const KedjaFinding *finding,
                  const KedjaStep    *step)
{
  return finding->step == step || finding->next_step == step;
}

char *
_kedja_timeline_describe_step (KedjaTimeline *self,
                               guint          index)
{
  const KedjaPlan *plan = self->shown.plan;
  const KedjaStep *step;
  g_autofree char *dates = NULL;
  const char *agency;
  GString *text;

  g_return_val_if_fail (plan != NULL && index < plan->steps->len, NULL);

  step = g_ptr_array_index (plan->steps, index);
  dates = kedja_date_range_to_display (kedja_step_get_start (step), kedja_step_get_end (step));
  agency = kedja_plan_get_agency_name (plan, step->agency_id);
  if (*agency == '\0')
    agency = _("no responsible agency");

  text = g_string_new (NULL);
  /* TRANSLATORS: a step of the care chain as a screen reader describes it
   * (and a tooltip shows it): its phase, agency, dates and status, e.g.
   * "Treatment, Behandlingshemmet Gården, 19 Sep – 30 Nov, Planned" */
  g_string_append_printf (text, _("%s, %s, %s, %s"), kedja_phase_get_label (step->phase), agency,
                          dates, kedja_step_status_get_label (step->status));

  for (guint i = 0; self->shown.findings != NULL && i < self->shown.findings->len; i++)
    {
      const KedjaFinding *finding = &g_array_index (self->shown.findings, KedjaFinding, i);
      g_autofree char *message = NULL;

      if (!finding_concerns (finding, step))
        continue;
      message = kedja_finding_format_message (finding, plan);
      /* TRANSLATORS: a finding of the gap analysis after a step's
       * description: its severity and message, e.g. ". Critical: 8 days
       * without any step after the detox at Beroendekliniken (11–18 Sep)" */
      g_string_append_printf (text, _(". %s: %s"), kedja_severity_get_label (finding->severity),
                              message);
    }
  return g_string_free (text, FALSE);
}

/* The timeline itself: "Care chain" and the plan's title, but never a
 * title that names a person with protected identity (a screen reader may
 * speak aloud in a meeting); described by the number of steps and the
 * findings about the plan as a whole, which no step carries. */
static void
update_own_text (KedjaTimeline *self)
{
  const KedjaPlan *plan = self->shown.plan;
  g_autofree char *label = NULL;
  GString *description;
  const char *title = plan != NULL ? plan->title : NULL;
  guint n_steps = self->chain->len;

  if (plan != NULL && plan->client != NULL && plan->client->protected_identity && !kedja_str_is_blank (title))
    {
      g_autoptr(KedjaNameFilter) filter = kedja_name_filter_new (plan->client);

      if (kedja_name_filter_text (filter, title) == NULL)
        title = NULL;
    }
  if (kedja_str_is_blank (title))
    label = g_strdup (_("Care chain"));
  else
    /* TRANSLATORS: the timeline's name for a screen reader; %s is the
     * plan's title */
    label = g_strdup_printf (_("Care chain: %s"), title);

  description = g_string_new (NULL);
  if (plan != NULL)
    g_string_append_printf (description,
                            g_dngettext (GETTEXT_PACKAGE, "%u step on the timeline",
                                         "%u steps on the timeline", n_steps),
                            n_steps);
  for (guint i = 0; self->shown.findings != NULL && i < self->shown.findings->len; i++)
    {
      const KedjaFinding *finding = &g_array_index (self->shown.findings, KedjaFinding, i);
      g_autofree char *message = NULL;

      if (finding->step != NULL || finding->next_step != NULL)
        continue;
      message = kedja_finding_format_message (finding, plan);
      g_string_append_printf (description, _(". %s: %s"),
                              kedja_severity_get_label (finding->severity), message);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  g_string_free (description, TRUE);
}

/* Keeping up with the plan ================================================ */

static int
find_step_by_id (const KedjaPlan *plan,
                 const char      *id)
{
  for (guint i = 0; plan != NULL && id != NULL && i < plan->steps->len; i++)
    if (g_strcmp0 (((const KedjaStep *) g_ptr_array_index (plan->steps, i))->id, id) == 0)
      return (int) i;
  return -1;
}

void
_kedja_timeline_sync_steps (KedjaTimeline *self)
{
  const KedjaPlan *plan = self->shown.plan;
  const KedjaTimelineLayout *layout = self->shown.layout;
  guint n = plan != NULL ? plan->steps->len : 0;
  int had_focus = _kedja_timeline_get_focused_step (self);
  int remembered = had_focus >= 0 ? had_focus : self->focus_step;
  g_autofree char *focus_id = NULL;
  int focus_step;

  /* Which step had the focus, by id: after an edit it may sit elsewhere
   * in plan->steps, or be gone. */
  if (remembered >= 0 && (guint) remembered < self->step_widgets->len)
    focus_id = g_strdup (kedja_timeline_step_get_step_id (
      g_ptr_array_index (self->step_widgets, remembered)));
  focus_step = find_step_by_id (plan, focus_id);
  if (focus_step >= 0 && (layout == NULL || kedja_timeline_layout_find_step (layout, focus_step) < 0))
    focus_step = -1;  /* no longer on the timeline */

  while (self->step_widgets->len < n)
    {
      GtkWidget *child = kedja_timeline_step_new (self->step_widgets->len);

      /* Unmapped until an allocation finds its bar in view. */
      gtk_widget_set_child_visible (child, FALSE);
      gtk_widget_set_parent (child, GTK_WIDGET (self));
      g_ptr_array_add (self->step_widgets, child);
    }

  for (guint i = 0; i < n; i++)
    {
      KedjaTimelineStep *child = g_ptr_array_index (self->step_widgets, i);
      const KedjaStep *step = g_ptr_array_index (plan->steps, i);
      g_autofree char *description = NULL;

      kedja_timeline_step_set_index (child, i);
      kedja_timeline_step_set_step_id (child, step->id);
      /* Shown before the focus moves to it; hidden only after. */
      if (kedja_timeline_layout_find_step (layout, i) >= 0)
        gtk_widget_set_visible (GTK_WIDGET (child), TRUE);
      description = _kedja_timeline_describe_step (self, i);
      kedja_timeline_step_set_text (child, !kedja_str_is_blank (step->title)
                                             ? step->title
                                             : kedja_phase_get_label (step->phase),
                                    description);
    }

  self->focus_step = focus_step;
  if (had_focus >= 0 && focus_step != had_focus)
    {
      if (focus_step >= 0)
        gtk_widget_grab_focus (g_ptr_array_index (self->step_widgets, focus_step));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  for (guint i = 0; i < n; i++)
    if (kedja_timeline_layout_find_step (layout, i) < 0)
      gtk_widget_set_visible (g_ptr_array_index (self->step_widgets, i), FALSE);
  while (self->step_widgets->len > n)
    {
      GtkWidget *child = g_ptr_array_steal_index (self->step_widgets, self->step_widgets->len - 1);

      gtk_widget_unparent (child);
    }

  update_chain (self);
  update_own_text (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Set-up ================================================================== */

void
_kedja_timeline_class_init_a11y (GtkWidgetClass *widget_class)
{
  parent_widget_class = g_type_class_peek_parent (widget_class);
  widget_class->set_focus_child = kedja_timeline_set_focus_child;

  /* The chain is a list of steps (KedjaTimelineStep: list items). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

void
_kedja_timeline_init_a11y (KedjaTimeline *self)
{
  self->step_widgets = g_ptr_array_new ();
  self->chain = g_array_new (FALSE, FALSE, sizeof (guint));
  update_own_text (self);
}

void
_kedja_timeline_dispose_a11y (KedjaTimeline *self)
{
  if (self->step_widgets != NULL)
    {
      while (self->step_widgets->len > 0)
        gtk_widget_unparent (g_ptr_array_steal_index (self->step_widgets,
                                                      self->step_widgets->len - 1));
      g_clear_pointer (&self->step_widgets, g_ptr_array_unref);
    }
  g_clear_pointer (&self->chain, g_array_unref);
}
