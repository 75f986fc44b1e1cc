/* test-timeline-input.c — the timeline under the mouse, the keyboard and a screen reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on a virtual display (xvfb-run). Events cannot be synthesised in
 * GTK 4, so the gestures are driven through the functions their handlers
 * call with the same coordinates (_kedja_timeline_drag_begin_at() …), and
 * keys through the key handler; focus is real GTK focus, accessible
 * properties are read back from GTK's own accessibility context.
 *
 * Positions come from the layout; the dates expected come from the gap
 * plan built by hand in timeline-plans.c: detox 1–10 Sep, treatment home
 * 19 Sep–30 Nov, aftercare from 1 Dec, and the 8-day gap 11–18 Sep.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "kedja-timeline-step.h"
#include "timeline-plans.h"
#include "timeline-widget-fixture.h"

enum { DETOX, HOME, AFTERCARE };

/* Signals as the app would hear them ====================================== */

typedef struct {
  guint      n_edited;
  char      *edited_id;
  KedjaDate  start;
  KedjaDate  end;

  guint      n_activated;
  char      *activated_id;

  guint      n_bridging;
  KedjaPhase phase;
  KedjaDate  bridge_start;
  KedjaDate  bridge_end;

  guint      n_confirmed;
  char      *from_id;
  char      *to_id;
} Heard;

static void
step_edited_cb (KedjaTimeline *timeline,
                const char    *step_id,
                int            start,
                int            end,
                Heard         *heard)
{
  heard->n_edited++;
  g_free (heard->edited_id);
  heard->edited_id = g_strdup (step_id);
  heard->start = start;
  heard->end = end;
}

static void
step_activated_cb (KedjaTimeline *timeline,
                   const char    *step_id,
                   Heard         *heard)
{
  heard->n_activated++;
  g_free (heard->activated_id);
  heard->activated_id = g_strdup (step_id);
}

static void
add_bridging_step_cb (KedjaTimeline *timeline,
                      int            phase,
                      int            start,
                      int            end,
                      Heard         *heard)
{
  heard->n_bridging++;
  heard->phase = phase;
  heard->bridge_start = start;
  heard->bridge_end = end;
}

static void
confirm_handover_cb (KedjaTimeline *timeline,
                     const char    *from_id,
                     const char    *to_id,
                     Heard         *heard)
{
  heard->n_confirmed++;
  g_free (heard->from_id);
  g_free (heard->to_id);
  heard->from_id = g_strdup (from_id);
  heard->to_id = g_strdup (to_id);
}

static void
listen (Fixture *fixture,
        Heard   *heard)
{
  g_signal_connect (fixture->timeline, "step-edited", G_CALLBACK (step_edited_cb), heard);
  g_signal_connect (fixture->timeline, "step-activated", G_CALLBACK (step_activated_cb), heard);
  g_signal_connect (fixture->timeline, "add-bridging-step", G_CALLBACK (add_bridging_step_cb),
                    heard);
  g_signal_connect (fixture->timeline, "confirm-handover", G_CALLBACK (confirm_handover_cb),
                    heard);
}

static void
stop_listening (Fixture *fixture,
                Heard   *heard)
{
  g_signal_handlers_disconnect_by_data (fixture->timeline, heard);
  g_free (heard->edited_id);
  g_free (heard->activated_id);
  g_free (heard->from_id);
  g_free (heard->to_id);
}

/* Where things are, in widget coordinates ================================ */

static const KedjaStep *
step (Fixture *fixture,
      guint    index)
{
  return g_ptr_array_index (fixture->plan->steps, index);
}

/* Step @index's bar as the widget shows it now. */
static void
bar_rect (Fixture *fixture,
          guint    index,
          double  *x,
          double  *y,
          double  *w,
          double  *h)
{
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (fixture->timeline);
  KedjaTimelineView view = fixture_view (fixture);
  int item = kedja_timeline_layout_find_step (layout, index);

  g_assert_cmpint (item, >=, 0);
  kedja_timeline_layout_get_bar (layout, &view, item, x, y, w, h);
  *y -= _kedja_timeline_get_scroll_y (fixture->timeline);
}

/* The gap band (the plan's only one): its start and end day now. */
static void
band_days (Fixture   *fixture,
           KedjaDate *start,
           KedjaDate *end)
{
  const KedjaTimelineLayout *layout = _kedja_timeline_get_layout (fixture->timeline);

  g_assert_cmpuint (kedja_timeline_layout_get_n_bands (layout), ==, 1);
  *start = kedja_timeline_layout_get_band (layout, 0)->start;
  *end = kedja_timeline_layout_get_band (layout, 0)->end;
}

/* 20 pixels a day, the gap and both bars around it in view. */
static void
show_gap (Fixture *fixture)
{
  kedja_timeline_set_zoom (fixture->timeline, PX_PER_DAY);
  kedja_timeline_scroll_to_date (fixture->timeline, TL_GAP_FIRST - 14);
  wait_for_frame (fixture);
}

static gboolean
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  state)
{
  return _kedja_timeline_key_pressed (fixture->timeline, keyval, state);
}

/* Dragging ================================================================ */

static void
test_drag_moves_step (Fixture       *fixture,
                      gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  const KedjaStep *detox = step (fixture, DETOX);
  KedjaDate start = kedja_step_get_start (detox), band_start, band_end;
  Heard heard = { 0 };
  double x, y, w, h;

  listen (fixture, &heard);
  show_gap (fixture);
  bar_rect (fixture, DETOX, &x, &y, &w, &h);
  g_assert_cmpint (_kedja_timeline_hit_test (timeline, x + w / 2, y + h / 2).kind, ==,
                   KEDJA_TIMELINE_HIT_BAR);

  /* Two and a half days to the right: two whole days, and the gap band
   * follows while the button is still down. */
  _kedja_timeline_drag_begin_at (timeline, x + w / 2, y + h / 2);
  _kedja_timeline_drag_update_by (timeline, 2.5 * PX_PER_DAY, 3);
  g_assert_true (_kedja_timeline_is_dragging (timeline));
  band_days (fixture, &band_start, &band_end);
  g_assert_cmpint (band_start, ==, TL_GAP_FIRST + 2);
  g_assert_cmpint (band_end, ==, TL_GAP_LAST);
  wait_for_frame (fixture);
  g_assert_cmpuint (heard.n_edited, ==, 0);

  /* Released: one step-edited, by whole days; the plan given is the
   * app's to change. */
  _kedja_timeline_drag_finish (timeline, TRUE);
  g_assert_false (_kedja_timeline_is_dragging (timeline));
  g_assert_cmpuint (heard.n_edited, ==, 1);
  g_assert_cmpstr (heard.edited_id, ==, detox->id);
  g_assert_cmpint (heard.start, ==, start + 2);
  g_assert_cmpint (heard.end, ==, TL_GAP_DETOX_END + 2);
  g_assert_cmpint (kedja_step_get_start (detox), ==, start);

  /* Three and a half days to the left: three days earlier. */
  _kedja_timeline_drag_begin_at (timeline, x + w / 2, y + h / 2);
  _kedja_timeline_drag_update_by (timeline, -3.5 * PX_PER_DAY, 0);
  _kedja_timeline_drag_finish (timeline, TRUE);
  g_assert_cmpuint (heard.n_edited, ==, 2);
  g_assert_cmpint (heard.start, ==, start - 3);
  g_assert_cmpint (heard.end, ==, TL_GAP_DETOX_END - 3);

  /* Less than a day, though past the drag threshold: no edit. */
  _kedja_timeline_drag_begin_at (timeline, x + w / 2, y + h / 2);
  _kedja_timeline_drag_update_by (timeline, 0.75 * PX_PER_DAY, 0);
  g_assert_false (_kedja_timeline_is_dragging (timeline));
  _kedja_timeline_drag_finish (timeline, TRUE);
  g_assert_cmpuint (heard.n_edited, ==, 2);

  g_assert_cmpuint (timeline_fixture_n_warnings, ==, fixture->warnings_before);
  stop_listening (fixture, &heard);
}

static void
test_drag_resizes_step (Fixture       *fixture,
                        gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  const KedjaStep *detox = step (fixture, DETOX);
  KedjaDate start = kedja_step_get_start (detox);
  Heard heard = { 0 };
  double x, y, w, h;

  listen (fixture, &heard);
  show_gap (fixture);
  bar_rect (fixture, DETOX, &x, &y, &w, &h);

  /* The end edge, four days later: only the end moves. */
  g_assert_cmpint (_kedja_timeline_hit_test (timeline, x + w - 2, y + h / 2).kind, ==,
                   KEDJA_TIMELINE_HIT_BAR_END);
  _kedja_timeline_drag_begin_at (timeline, x + w - 2, y + h / 2);
  _kedja_timeline_drag_update_by (timeline, 4 * PX_PER_DAY, 0);
  _kedja_timeline_drag_finish (timeline, TRUE);
  g_assert_cmpuint (heard.n_edited, ==, 1);
  g_assert_cmpint (heard.start, ==, start);
  g_assert_cmpint (heard.end, ==, TL_GAP_DETOX_END + 4);

  /* The start edge, twenty days later: never past the end, so the step
   * is one day long, its last. */
  g_assert_cmpint (_kedja_timeline_hit_test (timeline, x + 2, y + h / 2).kind, ==,
                   KEDJA_TIMELINE_HIT_BAR_START);
  _kedja_timeline_drag_begin_at (timeline, x + 2, y + h / 2);
  _kedja_timeline_drag_update_by (timeline, 20 * PX_PER_DAY, 0);
  _kedja_timeline_drag_finish (timeline, TRUE);
  g_assert_cmpuint (heard.n_edited, ==, 2);
  g_assert_cmpint (heard.start, ==, TL_GAP_DETOX_END);
  g_assert_cmpint (heard.end, ==, TL_GAP_DETOX_END);

  stop_listening (fixture, &heard);
}

static void
test_drag_escape (Fixture       *fixture,
                  gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  KedjaDate band_start, band_end;
  Heard heard = { 0 };
  double x, y, w, h;

  listen (fixture, &heard);
  show_gap (fixture);
  bar_rect (fixture, DETOX, &x, &y, &w, &h);

  _kedja_timeline_drag_begin_at (timeline, x + w / 2, y + h / 2);
  _kedja_timeline_drag_update_by (timeline, 3 * PX_PER_DAY, 0);
  band_days (fixture, &band_start, &band_end);
  g_assert_cmpint (band_start, ==, TL_GAP_FIRST + 3);

  /* Escape puts the bar and the band back; the rest of the drag, until
   * the button comes up, moves nothing. */
  g_assert_true (press_key (fixture, GDK_KEY_Escape, 0));
  g_assert_false (_kedja_timeline_is_dragging (timeline));
  band_days (fixture, &band_start, &band_end);
  g_assert_cmpint (band_start, ==, TL_GAP_FIRST);
  _kedja_timeline_drag_update_by (timeline, 5 * PX_PER_DAY, 0);
  g_assert_false (_kedja_timeline_is_dragging (timeline));
  _kedja_timeline_drag_finish (timeline, TRUE);
  g_assert_cmpuint (heard.n_edited, ==, 0);

  /* With nothing dragged, Escape is not the timeline's. */
  g_assert_false (press_key (fixture, GDK_KEY_Escape, 0));
  stop_listening (fixture, &heard);
}

static void
test_drag_pans (Fixture       *fixture,
                gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  const KedjaTimelineLayout *layout;
  const KedjaTimelineMetrics *m;
  Heard heard = { 0 };
  double first, x, y, w, h, lane_top, lane_height;

  listen (fixture, &heard);
  show_gap (fixture);
  layout = _kedja_timeline_get_layout (timeline);
  m = kedja_timeline_layout_get_metrics (layout);

  /* On the empty part of the health lane (the last): 100 pixels to the
   * left shows 5 days later. */
  x = m->label_width + 30;
  kedja_timeline_layout_get_lane (layout, KEDJA_PHASE_HEALTH, &lane_top, &lane_height);
  y = lane_top + lane_height / 2 - _kedja_timeline_get_scroll_y (timeline);
  g_assert_cmpint (_kedja_timeline_hit_test (timeline, x, y).kind, ==, KEDJA_TIMELINE_HIT_LANE);
  first = _kedja_timeline_get_view (timeline)->first_day;
  _kedja_timeline_drag_begin_at (timeline, x, y);
  _kedja_timeline_drag_update_by (timeline, -100, 0);
  _kedja_timeline_drag_finish (timeline, TRUE);
  g_assert_cmpfloat_with_epsilon (_kedja_timeline_get_view (timeline)->first_day,
                                  first + 100 / PX_PER_DAY, 1e-9);

  /* In meeting mode a bar pans too: nothing is edited. */
  kedja_timeline_set_meeting_mode (timeline, TRUE);
  kedja_timeline_set_zoom (timeline, PX_PER_DAY);
  wait_for_frame (fixture);
  bar_rect (fixture, HOME, &x, &y, &w, &h);
  first = _kedja_timeline_get_view (timeline)->first_day;
  _kedja_timeline_drag_begin_at (timeline, x + MIN (w / 2, 40), y + h / 2);
  _kedja_timeline_drag_update_by (timeline, 3 * PX_PER_DAY, 0);
  g_assert_false (_kedja_timeline_is_dragging (timeline));
  _kedja_timeline_drag_finish (timeline, TRUE);
  g_assert_cmpfloat_with_epsilon (_kedja_timeline_get_view (timeline)->first_day, first - 3, 1e-9);
  g_assert_cmpuint (heard.n_edited, ==, 0);

  /* Nor from the keyboard. */
  g_assert_true (_kedja_timeline_focus_step (timeline, HOME, TRUE));
  press_key (fixture, GDK_KEY_Right, GDK_ALT_MASK);
  g_assert_cmpuint (heard.n_edited, ==, 0);

  stop_listening (fixture, &heard);
}

/* Clicks, popovers, tooltips ============================================== */

/* Every label's text under @widget, joined by newlines. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_gap_popover (Fixture       *fixture,
                  gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  const KedjaTimelineLayout *layout;
  const KedjaTimelineShown *shown;
  const KedjaFinding *finding;
  KedjaTimelineView view;
  GtkPopover *popover;
  GtkWidget *button;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *message = NULL, *action = NULL, *actor = NULL, *who = NULL;
  Heard heard = { 0 };
  double x, y, w, h, scroll_y;

  listen (fixture, &heard);
  show_gap (fixture);
  layout = _kedja_timeline_get_layout (timeline);
  shown = _kedja_timeline_get_shown (timeline);
  view = fixture_view (fixture);
  scroll_y = _kedja_timeline_get_scroll_y (timeline);
  kedja_timeline_layout_get_band_rect (layout, &view, 0, &x, &y, &w, &h);
  finding = &g_array_index (shown->findings, KedjaFinding,
                            kedja_timeline_layout_get_band (layout, 0)->finding);
  message = kedja_finding_format_message (finding, shown->plan);
  action = kedja_finding_format_action (finding, shown->plan);
  actor = kedja_finding_format_actor (finding, shown->plan);
  who = g_strdup_printf ("Who should act: %s", actor);

  /* A click on the band: its message, what to do and who should do it. */
  g_assert_cmpint (_kedja_timeline_hit_test (timeline, x + w / 2, y + h - 4 - scroll_y).kind, ==,
                   KEDJA_TIMELINE_HIT_BAND);
  popover = _kedja_timeline_click_at (timeline, 1, x + w / 2, y + h - 4 - scroll_y);
  g_assert_nonnull (popover);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  collect_text (GTK_WIDGET (popover), text);
  g_assert_nonnull (strstr (text->str, "Critical"));
  g_assert_nonnull (strstr (text->str, message));
  g_assert_nonnull (strstr (text->str, action));
  g_assert_nonnull (strstr (text->str, who));
  /* Eight days after the detox at Beroendekliniken, as the plan has it. */
  g_assert_nonnull (strstr (message, "8 days"));
  g_assert_nonnull (strstr (message, "Beroendekliniken"));

  /* Its quick action: a bridging step over exactly the gap, in the lane
   * of the treatment that comes too late. */
  button = find_button (GTK_WIDGET (popover), "Add a Bridging Step");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (heard.n_bridging, ==, 1);
  g_assert_cmpint (heard.phase, ==, KEDJA_PHASE_TREATMENT);
  g_assert_cmpint (heard.bridge_start, ==, TL_GAP_FIRST);
  g_assert_cmpint (heard.bridge_end, ==, TL_GAP_LAST);
  SPIN_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* In meeting mode the finding is shown, the button is not. */
  kedja_timeline_set_meeting_mode (timeline, TRUE);
  show_gap (fixture);
  layout = _kedja_timeline_get_layout (timeline);
  view = fixture_view (fixture);
  scroll_y = _kedja_timeline_get_scroll_y (timeline);
  kedja_timeline_layout_get_band_rect (layout, &view, 0, &x, &y, &w, &h);
  popover = _kedja_timeline_click_at (timeline, 1, x + w / 2, y + h - 4 - scroll_y);
  g_assert_nonnull (popover);
  g_string_truncate (text, 0);
  collect_text (GTK_WIDGET (popover), text);
  g_assert_nonnull (strstr (text->str, message));
  g_assert_null (find_button (GTK_WIDGET (popover), "Add a Bridging Step"));
  gtk_popover_popdown (popover);

  g_assert_cmpuint (timeline_fixture_n_warnings, ==, fixture->warnings_before);
  stop_listening (fixture, &heard);
}

static void
test_handover_popover (Fixture       *fixture,
                       gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  const KedjaTimelineLayout *layout;
  const KedjaHandover *handover;
  KedjaTimelineView view;
  KedjaTimelineHit hit;
  GtkPopover *popover;
  GtkWidget *button;
  g_autoptr(GString) text = g_string_new (NULL);
  Heard heard = { 0 };
  double x1, y1, x2, y2, x, y, scroll_y;

  listen (fixture, &heard);
  kedja_timeline_set_zoom (timeline, PX_PER_DAY);
  kedja_timeline_scroll_to_date (timeline, TL_D (2026, 11, 20));
  wait_for_frame (fixture);
  layout = _kedja_timeline_get_layout (timeline);
  view = fixture_view (fixture);
  scroll_y = _kedja_timeline_get_scroll_y (timeline);

  /* The treatment home's handover to the aftercare, not yet confirmed. */
  g_assert_cmpuint (kedja_timeline_layout_get_n_handovers (layout), ==, 1);
  handover = kedja_timeline_layout_get_handover (layout, &view, 0, &x1, &y1, &x2, &y2);
  g_assert_cmpstr (handover->from_step_id, ==, step (fixture, HOME)->id);
  /* The bars meet (30 Nov, 1 Dec): its mark crosses the joint, and is
   * clicked just above the bars. */
  g_assert_cmpfloat_with_epsilon (x1, x2, 1e-9);
  x = x2;
  y = MIN (y1, y2) - scroll_y - kedja_timeline_layout_get_metrics (layout)->bar_height / 2 - 2;
  hit = _kedja_timeline_hit_test (timeline, x, y);
  g_assert_cmpint (hit.kind, ==, KEDJA_TIMELINE_HIT_HANDOVER);

  popover = _kedja_timeline_click_at (timeline, 1, x, y);
  g_assert_nonnull (popover);
  collect_text (GTK_WIDGET (popover), text);
  g_assert_nonnull (strstr (text->str, "Handover from “Behandlingshem” to “Eftervård”"));
  g_assert_nonnull (strstr (text->str, "not confirmed"));
  button = find_button (GTK_WIDGET (popover), "Mark Handover Confirmed");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (heard.n_confirmed, ==, 1);
  g_assert_cmpstr (heard.from_id, ==, step (fixture, HOME)->id);
  g_assert_cmpstr (heard.to_id, ==, step (fixture, AFTERCARE)->id);
  SPIN_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* From the keyboard: the Menu key on the aftercare shows that it has
   * no problems, and offers its handover all the same. */
  g_assert_true (_kedja_timeline_focus_step (timeline, AFTERCARE, TRUE));
  g_assert_true (press_key (fixture, GDK_KEY_Menu, 0));
  popover = _kedja_timeline_get_popover (timeline);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_string_truncate (text, 0);
  collect_text (GTK_WIDGET (popover), text);
  g_assert_nonnull (strstr (text->str, "No problems found in this step."));
  g_assert_nonnull (strstr (text->str, "Handover from “Behandlingshem” to “Eftervård”"));
  button = find_button (GTK_WIDGET (popover), "Mark Handover Confirmed");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (heard.n_confirmed, ==, 2);
  SPIN_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* A double click on a bar opens the step. */
  {
    double bx, by, bw, bh;

    bar_rect (fixture, AFTERCARE, &bx, &by, &bw, &bh);
    g_assert_null (_kedja_timeline_click_at (timeline, 2, bx + 30, by + bh / 2));
    g_assert_cmpuint (heard.n_activated, ==, 1);
    g_assert_cmpstr (heard.activated_id, ==, step (fixture, AFTERCARE)->id);
  }
  stop_listening (fixture, &heard);
}

static void
test_tooltip (Fixture       *fixture,
              gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  KedjaStep *detox = g_ptr_array_index (fixture->plan->steps, DETOX);
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  double x, y, w, h;

  /* A planner's own words, with markup characters in them. */
  g_free (detox->title);
  detox->title = g_strdup ("Avgiftning <akut> & snabb");
  kedja_timeline_set_plan (timeline, fixture->plan, NULL, TL_GAP_TODAY);
  show_gap (fixture);
  bar_rect (fixture, DETOX, &x, &y, &w, &h);

  markup = _kedja_timeline_tooltip_markup_at (timeline, x + w / 2, y + h / 2);
  g_assert_nonnull (markup);
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &plain, NULL, NULL));
  g_assert_true (g_str_has_prefix (plain, "Avgiftning <akut> & snabb\n"));
  g_assert_nonnull (strstr (plain, "Beroendekliniken"));
  g_assert_nonnull (strstr (plain, "Critical: 8 days"));
  g_assert_cmpuint (timeline_fixture_n_warnings, ==, fixture->warnings_before);
}

/* The keyboard ============================================================ */

static void
test_keyboard_focus (Fixture       *fixture,
                     gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  KedjaTimelineScene scene;
  Heard heard = { 0 };

  listen (fixture, &heard);
  show_gap (fixture);

  /* Tab into the timeline (the window may have put its first focus
   * there already): the first step of the chain, with its ring. */
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, -1);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (timeline), GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, DETOX);
  g_assert_true (gtk_widget_has_focus (_kedja_timeline_get_step_widget (timeline, DETOX)));
  _kedja_timeline_fill_scene (timeline, &scene, WINDOW_WIDTH, WINDOW_HEIGHT);
  g_assert_cmpint (scene.focus_step, ==, DETOX);
  /* The ring shows when the window shows focus, as after any key press
   * (not synthesised here), and not for the mouse alone. */
  gtk_window_set_focus_visible (GTK_WINDOW (fixture->window), FALSE);
  _kedja_timeline_fill_scene (timeline, &scene, WINDOW_WIDTH, WINDOW_HEIGHT);
  g_assert_false (scene.show_focus);
  gtk_window_set_focus_visible (GTK_WINDOW (fixture->window), TRUE);
  _kedja_timeline_fill_scene (timeline, &scene, WINDOW_WIDTH, WINDOW_HEIGHT);
  g_assert_true (scene.show_focus);
  wait_for_frame (fixture);

  /* Right and Left along the chain, staying at its ends. */
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, HOME);
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, AFTERCARE);
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, AFTERCARE);
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, HOME);
  g_assert_true (press_key (fixture, GDK_KEY_Home, 0));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, DETOX);
  g_assert_true (press_key (fixture, GDK_KEY_End, 0));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, AFTERCARE);
  /* The aftercare shares the treatment lane's row; above it is the detox. */
  g_assert_true (press_key (fixture, GDK_KEY_Up, 0));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, DETOX);

  /* Tab goes on along the chain, and out of the timeline after its end. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (timeline), GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, HOME);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (timeline), GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, AFTERCARE);
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (timeline), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (timeline), GTK_DIR_TAB_BACKWARD));
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, HOME);

  /* Enter opens the step in focus. */
  g_assert_true (press_key (fixture, GDK_KEY_Return, 0));
  g_assert_cmpuint (heard.n_activated, ==, 1);
  g_assert_cmpstr (heard.activated_id, ==, step (fixture, HOME)->id);

  /* Alt+Right moves it a day later, Alt+Shift+Left ends it a day
   * earlier: one signal a key. */
  g_assert_true (press_key (fixture, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (heard.n_edited, ==, 1);
  g_assert_cmpstr (heard.edited_id, ==, step (fixture, HOME)->id);
  g_assert_cmpint (heard.start, ==, TL_GAP_TREATMENT + 1);
  g_assert_cmpint (heard.end, ==, TL_D (2026, 12, 1));
  g_assert_true (press_key (fixture, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK));
  g_assert_cmpuint (heard.n_edited, ==, 2);
  g_assert_cmpint (heard.start, ==, TL_GAP_TREATMENT);
  g_assert_cmpint (heard.end, ==, TL_D (2026, 11, 29));

  /* The app answers with a new plan; the focus stays on the step. */
  kedja_timeline_set_plan (timeline, fixture->plan, NULL, TL_GAP_TODAY);
  g_assert_cmpint (_kedja_timeline_get_focused_step (timeline), ==, HOME);

  g_assert_cmpuint (timeline_fixture_n_warnings, ==, fixture->warnings_before);
  stop_listening (fixture, &heard);
}

static void
test_zoom_keys (Fixture       *fixture,
                gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  const KedjaTimelineView *view = _kedja_timeline_get_view (timeline);
  KedjaDate first, last;

  show_gap (fixture);
  g_assert_true (press_key (fixture, GDK_KEY_plus, 0));
  g_assert_cmpfloat_with_epsilon (kedja_timeline_get_zoom (timeline), PX_PER_DAY * 1.5, 1e-9);
  g_assert_true (press_key (fixture, GDK_KEY_minus, 0));
  g_assert_cmpfloat_with_epsilon (kedja_timeline_get_zoom (timeline), PX_PER_DAY, 1e-9);

  /* 0: the whole plan across the width. */
  g_assert_true (press_key (fixture, GDK_KEY_0, 0));
  kedja_timeline_layout_get_span (_kedja_timeline_get_layout (timeline), &first, &last);
  g_assert_cmpfloat (view->first_day, <=, first);
  g_assert_cmpfloat (view->first_day
                       + (WINDOW_WIDTH - view->time_left) / kedja_timeline_get_zoom (timeline),
                     >=, last + 1);
  g_assert_cmpfloat (kedja_timeline_get_zoom (timeline), <, PX_PER_DAY);
}

/* A screen reader ========================================================= */

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  user_data)
{
  KedjaTimeline *timeline = fixture->timeline;
  const char *titles[] = { "Avgiftning", "Behandlingshem", "Eftervård" };
  guint n = 0;
  char *error;

  /* The chain is a list, named after the plan. */
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (timeline),
                                               GTK_ACCESSIBLE_ROLE_LIST));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (timeline),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Care chain: SIP hösten 2026");
  g_assert_null (error);

  /* Its items, in chain order, are the steps, named by their titles and
   * described by phase, agency, dates, status and findings. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (timeline)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *description;

      if (!KEDJA_IS_TIMELINE_STEP (child))
        continue;
      g_assert_cmpuint (n, <, G_N_ELEMENTS (titles));
      g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (child),
                                                   GTK_ACCESSIBLE_ROLE_LIST_ITEM));
      error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, titles[n]);
      g_assert_null (error);
      description = kedja_timeline_step_get_description (KEDJA_TIMELINE_STEP (child));
      error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child),
                                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                  description);
      g_assert_null (error);
      if (n == DETOX)
        {
          g_assert_true (g_str_has_prefix (description, "Detox, Beroendekliniken, "));
          g_assert_nonnull (strstr (description, "Critical: 8 days"));
        }
      else if (n == HOME)
        g_assert_true (g_str_has_prefix (description, "Treatment, Behandlingshemmet Gården, "));
      g_assert_true (gtk_widget_get_focusable (child));
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (titles));

  /* A protected person's name never reaches a screen reader that may
   * speak aloud in the meeting. */
  fixture->plan->client->protected_identity = TRUE;
  g_free (fixture->plan->title);
  fixture->plan->title = g_strdup ("SIP för Åsa");
  kedja_timeline_set_plan (timeline, fixture->plan, NULL, TL_GAP_TODAY);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (timeline),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "Care chain");
  g_assert_null (error);
  g_assert_cmpuint (timeline_fixture_n_warnings, ==, fixture->warnings_before);
}

int
main (int   argc,
      char *argv[])
{
  timeline_fixture_init (&argc, &argv);

  g_test_add ("/widgets/timeline-input/drag-moves-step", Fixture, NULL, fixture_set_up,
              test_drag_moves_step, fixture_tear_down);
  g_test_add ("/widgets/timeline-input/drag-resizes-step", Fixture, NULL, fixture_set_up,
              test_drag_resizes_step, fixture_tear_down);
  g_test_add ("/widgets/timeline-input/drag-escape", Fixture, NULL, fixture_set_up,
              test_drag_escape, fixture_tear_down);
  g_test_add ("/widgets/timeline-input/drag-pans", Fixture, NULL, fixture_set_up,
              test_drag_pans, fixture_tear_down);
  g_test_add ("/widgets/timeline-input/gap-popover", Fixture, NULL, fixture_set_up,
              test_gap_popover, fixture_tear_down);
  g_test_add ("/widgets/timeline-input/handover-popover", Fixture, NULL, fixture_set_up,
              test_handover_popover, fixture_tear_down);
  g_test_add ("/widgets/timeline-input/tooltip", Fixture, NULL, fixture_set_up,
              test_tooltip, fixture_tear_down);
  g_test_add ("/widgets/timeline-input/keyboard-focus", Fixture, NULL, fixture_set_up,
              test_keyboard_focus, fixture_tear_down);
  g_test_add ("/widgets/timeline-input/zoom-keys", Fixture, NULL, fixture_set_up,
              test_zoom_keys, fixture_tear_down);
  g_test_add ("/widgets/timeline-input/accessible", Fixture, NULL, fixture_set_up,
              test_accessible, fixture_tear_down);

  return g_test_run ();
}
