/* timeline-widget-fixture.c — a timeline in a window, for the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include "kedja-core.h"
#include "timeline-plans.h"
#include "timeline-widget-fixture.h"

guint timeline_fixture_n_warnings;

static GLogWriterOutput
count_warnings_writer (GLogLevelFlags   level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    timeline_fixture_n_warnings++;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

void
timeline_fixture_init (int    *argc,
                       char ***argv)
{
  /* Before anything can log: every warning of every library is counted. */
  g_log_set_writer_func (count_warnings_writer, NULL, NULL);
  kedja_i18n_init ();
  gtk_init ();
  /* Not gtk_test_init(): it ignores its options. */
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

static void
present (Fixture   *fixture,
         GtkWidget *child,
         int        height)
{
  fixture->warnings_before = timeline_fixture_n_warnings;
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), WINDOW_WIDTH, height);
  gtk_window_set_child (GTK_WINDOW (fixture->window), child);
  kedja_timeline_set_plan (fixture->timeline, fixture->plan, NULL, TL_GAP_TODAY);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->plan = timeline_gap_plan ();
  fixture->timeline = KEDJA_TIMELINE (kedja_timeline_new ());
  present (fixture, GTK_WIDGET (fixture->timeline), WINDOW_HEIGHT);

  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->timeline))
              && gtk_widget_get_width (GTK_WIDGET (fixture->timeline)) == WINDOW_WIDTH
              && fixture->timeline->n_frames > 0);
}

void
fixture_set_up_scrolled (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  fixture->plan = timeline_gap_plan ();
  fixture->timeline = KEDJA_TIMELINE (kedja_timeline_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->timeline));
  present (fixture, scroller, SHORT_HEIGHT);

  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->timeline))
              && gtk_widget_get_height (GTK_WIDGET (fixture->timeline)) > 0
              && fixture->timeline->n_frames > 0);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->plan, kedja_plan_unref);
}

void
wait_for_frame (Fixture *fixture)
{
  guint frames = fixture->timeline->n_frames;

  gtk_widget_queue_draw (GTK_WIDGET (fixture->timeline));
  SPIN_UNTIL (fixture->timeline->n_frames > frames);
}

KedjaTimelineView
fixture_view (Fixture *fixture)
{
  KedjaTimelineView view = *_kedja_timeline_get_view (fixture->timeline);

  view.width = gtk_widget_get_width (GTK_WIDGET (fixture->timeline));
  return view;
}
