/* kedja-timeline.c — a person's care chain as a timeline with its gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object itself: properties, signals, style, and the plan with its
 * analysis and layout. Size, scrolling and zoom are in
 * kedja-timeline-scroll.c, hover, focus and drags in kedja-timeline-state.c,
 * the picture in kedja-timeline-draw.c and its neighbours, paper copies in
 * kedja-timeline-export.c, pointer and keys in kedja-timeline-input.c, a
 * child widget per step for screen readers and focus in
 * kedja-timeline-a11y.c.
 *
 * Geometry comes from KedjaTimelineLayout only (kedja-timeline-layout.c),
 * so that what is drawn, what is hit and what is tested agree. A layout is
 * made once per plan, again for meeting mode and for every step of a drag;
 * scrolling and zooming change only the view, a small struct.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-timeline-private.h"

enum {
  PROP_0,
  PROP_PLAN,
  PROP_MEETING_MODE,
  PROP_EDITABLE,
  PROP_ZOOM,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];
guint _kedja_timeline_signals[KEDJA_TIMELINE_N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (KedjaTimeline, kedja_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Showing a plan ========================================================== */

void
_kedja_timeline_shown_clear (KedjaTimelineShown *shown)
{
  g_clear_pointer (&shown->layout, kedja_timeline_layout_free);
  g_clear_pointer (&shown->findings, g_array_unref);
  g_clear_pointer (&shown->plan, kedja_plan_unref);
}

/* Analyses and lays out the plan of @shown again (it keeps its plan). */
void
_kedja_timeline_shown_update (KedjaTimeline      *self,
                              KedjaTimelineShown *shown)
{
  g_clear_pointer (&shown->layout, kedja_timeline_layout_free);
  g_clear_pointer (&shown->findings, g_array_unref);
  if (shown->plan == NULL)
    return;

  shown->findings = kedja_analyse (shown->plan, &self->settings, self->today);
  shown->layout = kedja_timeline_layout_new (shown->plan, shown->findings, self->today,
                                             &self->metrics);
  self->layout_serial++;
}

const KedjaTimelineShown *
_kedja_timeline_get_shown (KedjaTimeline *self)
{
  if (self->drag.preview.plan != NULL)
    return &self->drag.preview;
  return self->shown.plan != NULL ? &self->shown : NULL;
}

const KedjaTimelineLayout *
_kedja_timeline_get_layout (KedjaTimeline *self)
{
  const KedjaTimelineShown *shown = _kedja_timeline_get_shown (self);

  return shown != NULL ? shown->layout : NULL;
}

const KedjaTimelineView *
_kedja_timeline_get_view (KedjaTimeline *self)
{
  return &self->view;
}

double
_kedja_timeline_get_scroll_y (KedjaTimeline *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0.0;
}

gboolean
_kedja_timeline_can_edit (KedjaTimeline *self)
{
  return self->editable && !self->meeting_mode;
}

/* The scene as the widget would draw it at @width × @height. */
static gboolean
root_shows_focus (KedjaTimeline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root == NULL || !GTK_IS_WINDOW (root) || gtk_window_get_focus_visible (GTK_WINDOW (root));
}

void
_kedja_timeline_fill_scene (KedjaTimeline      *self,
                            KedjaTimelineScene *scene,
                            double              width,
                            double              height)
{
  const KedjaTimelineShown *shown = _kedja_timeline_get_shown (self);

  *scene = (KedjaTimelineScene) {
    .plan = shown ? shown->plan : NULL,
    .findings = shown ? shown->findings : NULL,
    .layout = shown ? shown->layout : NULL,
    .ghost = self->drag.preview.plan != NULL ? self->shown.layout : NULL,
    .ghost_step = self->drag.preview.plan != NULL ? (int) self->drag.step : -1,
    .view = self->view,
    .width = width,
    .height = height,
    .scroll_y = _kedja_timeline_get_scroll_y (self),
    .palette = &self->palette,
    .meeting_mode = self->meeting_mode,
    .today = self->today,
    .plan_serial = self->plan_serial,
    .layout_serial = self->layout_serial,
    .pango = gtk_widget_get_pango_context (GTK_WIDGET (self)),
    .scale = gtk_widget_get_scale_factor (GTK_WIDGET (self)),
    .hover_step = self->hover_step,
    .focus_step = self->focus_step,
    /* Keyboard focus is on the steps' children (kedja-timeline-a11y.c):
     * the ring while the focus step's child has it, and the window shows
     * focus (the keyboard is in use, not only the mouse). */
    .show_focus = self->show_focus && self->focus_step >= 0
                  && _kedja_timeline_get_focused_step (self) == self->focus_step
                  && root_shows_focus (self),
    .hover = self->hover,
  };
  scene->view.width = width;
}

void
_kedja_timeline_notify_zoom (KedjaTimeline *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Style =================================================================== */

const KedjaTimelinePalette *
_kedja_timeline_get_palette (KedjaTimeline *self)
{
  return &self->palette;
}

/* Light or dark, from the CSS colour the theme gives the widget (Adwaita's
 * dark style, a high-contrast theme, an app that forces one), so the
 * widgets library needs no libadwaita. */
static void
update_palette (KedjaTimeline *self)
{
  GdkRGBA fg;
  gboolean dark;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dark = kedja_timeline_palette_is_dark_style (&fg);

  if (dark != self->palette.dark || self->meeting_mode != self->palette.high_contrast)
    kedja_timeline_palette_init (&self->palette, dark, self->meeting_mode);
}

static void
kedja_timeline_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  KedjaTimeline *self = KEDJA_TIMELINE (widget);
  gboolean was_dark = self->palette.dark;

  GTK_WIDGET_CLASS (kedja_timeline_parent_class)->css_changed (widget, change);

  update_palette (self);
  if (self->palette.dark != was_dark)
    gtk_widget_queue_draw (widget);
}

static void
kedja_timeline_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  KedjaTimeline *self = KEDJA_TIMELINE (widget);

  GTK_WIDGET_CLASS (kedja_timeline_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_DPI
      || setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    {
      _kedja_timeline_draw_cache_clear_text (self->cache);
      gtk_widget_queue_resize (widget);
    }
}

static void
kedja_timeline_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KedjaTimeline *self = KEDJA_TIMELINE (widget);
  KedjaTimelineScene scene;

  self->n_frames++;
  update_palette (self);
  _kedja_timeline_fill_scene (self, &scene, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  _kedja_timeline_draw (self->cache, &scene, snapshot);
}

/* GObject ================================================================= */

static void
kedja_timeline_dispose (GObject *object)
{
  KedjaTimeline *self = KEDJA_TIMELINE (object);

  _kedja_timeline_dispose_input (self);
  _kedja_timeline_dispose_a11y (self);
  _kedja_timeline_shown_clear (&self->drag.preview);
  _kedja_timeline_shown_clear (&self->shown);
  _kedja_timeline_clear_adjustments (self);
  g_clear_pointer (&self->cache, _kedja_timeline_draw_cache_free);

  G_OBJECT_CLASS (kedja_timeline_parent_class)->dispose (object);
}

static void
kedja_timeline_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KedjaTimeline *self = KEDJA_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_boxed (value, self->shown.plan);
      break;
    case PROP_MEETING_MODE:
      g_value_set_boolean (value, self->meeting_mode);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->view.px_per_day);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kedja_timeline_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KedjaTimeline *self = KEDJA_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      kedja_timeline_set_plan (self, g_value_get_boxed (value), NULL, KEDJA_DATE_NONE);
      break;
    case PROP_MEETING_MODE:
      kedja_timeline_set_meeting_mode (self, g_value_get_boolean (value));
      break;
    case PROP_EDITABLE:
      kedja_timeline_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_ZOOM:
      kedja_timeline_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      _kedja_timeline_set_adjustment (self, GTK_ORIENTATION_HORIZONTAL,
                                      g_value_get_object (value), pspec);
      break;
    case PROP_VADJUSTMENT:
      _kedja_timeline_set_adjustment (self, GTK_ORIENTATION_VERTICAL,
                                      g_value_get_object (value), pspec);
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kedja_timeline_class_init (KedjaTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kedja_timeline_dispose;
  object_class->get_property = kedja_timeline_get_property;
  object_class->set_property = kedja_timeline_set_property;

  widget_class->get_request_mode = _kedja_timeline_get_request_mode;
  widget_class->measure = _kedja_timeline_measure;
  widget_class->size_allocate = _kedja_timeline_size_allocate;
  widget_class->snapshot = kedja_timeline_snapshot;
  widget_class->css_changed = kedja_timeline_css_changed;
  widget_class->system_setting_changed = kedja_timeline_system_setting_changed;

  /**
   * KedjaTimeline:plan:
   *
   * The plan shown, analysed as on today with the default settings when
   * set as a property; kedja_timeline_set_plan() takes both.
   */
  properties[PROP_PLAN] =
    g_param_spec_boxed ("plan", NULL, NULL, KEDJA_TYPE_PLAN,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_MODE] =
    g_param_spec_boolean ("meeting-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KedjaTimeline:zoom:
   *
   * Pixels per day.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, KEDJA_TIMELINE_MIN_PX_PER_DAY,
                         KEDJA_TIMELINE_MAX_PX_PER_DAY, KEDJA_TIMELINE_DEFAULT_PX_PER_DAY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * KedjaTimeline::step-activated:
   * @step_id: the step's id
   *
   * A step was opened: double-click or Enter.
   */
  _kedja_timeline_signals[KEDJA_TIMELINE_SIGNAL_STEP_ACTIVATED] =
    g_signal_new ("step-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * KedjaTimeline::step-edited:
   * @step_id: the step's id
   * @start: its new first day (a KedjaDate)
   * @end: its new last day, inclusive, or 0 (KEDJA_DATE_NONE) when it runs on
   *
   * A bar was moved or resized; apply it with kedja_step_move().
   */
  _kedja_timeline_signals[KEDJA_TIMELINE_SIGNAL_STEP_EDITED] =
    g_signal_new ("step-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
  /**
   * KedjaTimeline::add-bridging-step:
   * @phase: the lane of the gap (a KedjaPhase)
   * @start: the gap's first day
   * @end: its last day, inclusive
   *
   * The quick action of a gap: a step that covers it.
   */
  _kedja_timeline_signals[KEDJA_TIMELINE_SIGNAL_ADD_BRIDGING_STEP] =
    g_signal_new ("add-bridging-step", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, KEDJA_TYPE_PHASE, G_TYPE_INT, G_TYPE_INT);
  /**
   * KedjaTimeline::confirm-handover:
   * @from_step_id: the sending step's id
   * @to_step_id: the receiving step's id
   *
   * The quick action of a handover: the receiver confirms it has taken over.
   */
  _kedja_timeline_signals[KEDJA_TIMELINE_SIGNAL_CONFIRM_HANDOVER] =
    g_signal_new ("confirm-handover", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "timeline");

  _kedja_timeline_class_init_input (widget_class);
  _kedja_timeline_class_init_a11y (widget_class);
}

static void
kedja_timeline_init (KedjaTimeline *self)
{
  self->today = kedja_date_today ();
  self->editable = TRUE;
  self->hover_step = -1;
  self->focus_step = -1;
  kedja_analysis_settings_init (&self->settings);
  kedja_timeline_metrics_init (&self->metrics, FALSE);
  kedja_timeline_palette_init (&self->palette, FALSE, FALSE);
  self->view = (KedjaTimelineView) {
    .first_day = self->today - 14,
    .px_per_day = KEDJA_TIMELINE_DEFAULT_PX_PER_DAY,
    .time_left = self->metrics.label_width,
  };
  self->cache = _kedja_timeline_draw_cache_new ();

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  _kedja_timeline_init_a11y (self);
  _kedja_timeline_init_input (self);
}

/* Public API ============================================================== */

GtkWidget *
kedja_timeline_new (void)
{
  return g_object_new (KEDJA_TYPE_TIMELINE, NULL);
}

void
kedja_timeline_set_plan (KedjaTimeline               *self,
                         KedjaPlan                   *plan,
                         const KedjaAnalysisSettings *settings,
                         KedjaDate                    today)
{
  gboolean same_plan, changed;
  guint n_steps;

  g_return_if_fail (KEDJA_IS_TIMELINE (self));

  _kedja_timeline_end_drag (self, FALSE);
  _kedja_timeline_reset_input (self);

  /* The app gives a new plan after each edit: the same plan (by id) keeps
   * its view and focus; another plan is shown whole. */
  same_plan = plan != NULL && self->shown.plan != NULL
              && g_strcmp0 (plan->id, self->shown.plan->id) == 0;

  /* The same plan again is analysed again (settings or today may have
   * changed), but the property has not changed. */
  changed = plan != self->shown.plan;
  if (plan != NULL)
    kedja_plan_ref (plan);
  _kedja_timeline_shown_clear (&self->shown);
  self->shown.plan = plan;

  if (settings != NULL)
    self->settings = *settings;
  else
    kedja_analysis_settings_init (&self->settings);
  self->today = today != KEDJA_DATE_NONE ? today : kedja_date_today ();

  _kedja_timeline_shown_update (self, &self->shown);
  self->plan_serial++;

  n_steps = plan != NULL ? plan->steps->len : 0;
  self->hover_step = -1;
  self->hover.kind = KEDJA_TIMELINE_HIT_NONE;
  if (!same_plan || self->focus_step >= (int) n_steps)
    self->focus_step = -1;

  if (plan != NULL && !same_plan)
    {
      self->fit_pending = TRUE;
      if (gtk_widget_get_width (GTK_WIDGET (self)) > self->view.time_left)
        kedja_timeline_zoom_to_fit (self);
    }

  /* The steps' children follow: names, descriptions, chain order, and
   * the focus on the step (by id) that had it. */
  _kedja_timeline_sync_steps (self);

  _kedja_timeline_update_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

KedjaPlan *
kedja_timeline_get_plan (KedjaTimeline *self)
{
  g_return_val_if_fail (KEDJA_IS_TIMELINE (self), NULL);

  return self->shown.plan;
}

void
kedja_timeline_set_meeting_mode (KedjaTimeline *self,
                                 gboolean       meeting_mode)
{
  g_return_if_fail (KEDJA_IS_TIMELINE (self));

  meeting_mode = !!meeting_mode;
  if (self->meeting_mode == meeting_mode)
    return;

  /* Editing stops: a projector is not the place for a slip of the mouse. */
  _kedja_timeline_end_drag (self, FALSE);
  _kedja_timeline_reset_input (self);
  self->meeting_mode = meeting_mode;
  kedja_timeline_metrics_init (&self->metrics, meeting_mode);
  self->view.time_left = self->metrics.label_width;
  update_palette (self);
  _kedja_timeline_shown_update (self, &self->shown);
  if (self->fit_pending)
    kedja_timeline_zoom_to_fit (self);

  _kedja_timeline_update_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_MODE]);
}

gboolean
kedja_timeline_get_meeting_mode (KedjaTimeline *self)
{
  g_return_val_if_fail (KEDJA_IS_TIMELINE (self), FALSE);

  return self->meeting_mode;
}

void
kedja_timeline_set_editable (KedjaTimeline *self,
                             gboolean       editable)
{
  g_return_if_fail (KEDJA_IS_TIMELINE (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  if (!editable)
    {
      _kedja_timeline_end_drag (self, FALSE);
      /* A popover open now would offer quick actions that no longer work. */
      _kedja_timeline_reset_input (self);
    }
  self->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
kedja_timeline_get_editable (KedjaTimeline *self)
{
  g_return_val_if_fail (KEDJA_IS_TIMELINE (self), FALSE);

  return self->editable;
}
