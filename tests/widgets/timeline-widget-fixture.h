/* timeline-widget-fixture.h — a timeline in a window, for the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the timeline's test programs, which run on a virtual display
 * (xvfb-run). Nothing waits for a fixed time: the main loop is spun until
 * the window has done what is looked for, with a bound.
 */
#pragma once

#include <gtk/gtk.h>

#include "kedja-test-spin.h"
#include "kedja-timeline-private.h"

G_BEGIN_DECLS

#define WINDOW_WIDTH 1200
#define WINDOW_HEIGHT 640
#define SHORT_HEIGHT 240
/* The tests' zoom: one day is 20 pixels. */
#define PX_PER_DAY 20.0

/* Warnings and criticals from any domain since the program started:
 * timeline_fixture_init() counts them all. */
extern guint timeline_fixture_n_warnings;

typedef struct {
  GtkWidget     *window;
  KedjaTimeline *timeline;
  KedjaPlan     *plan;
  guint          warnings_before;
} Fixture;

/* Before g_test_init(): counts warnings, sets up translations and GTK. */
void timeline_fixture_init       (int          *argc,
                                  char       ***argv);

/* The gap plan (timeline-plans.h) in a WINDOW_WIDTH × WINDOW_HEIGHT
 * window, realised and drawn once. */
void fixture_set_up              (Fixture       *fixture,
                                  gconstpointer  user_data);
/* The same in a scrolled window too short for all lanes, as the app
 * shows it: the timeline scrolls its lanes under a fixed axis. */
void fixture_set_up_scrolled     (Fixture       *fixture,
                                  gconstpointer  user_data);
void fixture_tear_down           (Fixture       *fixture,
                                  gconstpointer  user_data);

/* Queues a frame and spins until the timeline has drawn it. */
void wait_for_frame              (Fixture       *fixture);

/* The view as the widget uses it, with its own width. */
KedjaTimelineView fixture_view   (Fixture       *fixture);

G_END_DECLS
