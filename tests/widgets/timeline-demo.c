/* timeline-demo.c — look at the timeline on a demo plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a window to look at while the app's own `kedja --demo` path
 * is being built. It shows a plan of the demo generator that has gaps (or
 * the hand-made gap plan of the tests, or a long synthetic chain) in a
 * scrolled window, as the app will.
 *
 *   timeline-demo [--meeting] [--gap | --long N | --plan INDEX]
 *                 [--export-png FILE] [--export-pdf FILE]
 *   ADW_DEBUG_COLOR_SCHEME=prefer-dark timeline-demo     (dark style)
 *
 * (docs/screenshots/ show the app itself: `kedja --demo` at 1280×800,
 * in Swedish, under Xvfb, taken with `import -window root`.)
 */
#define G_LOG_DOMAIN "kedja-demo"

#include "config.h"

#include <adwaita.h>

#include "kedja-demo.h"
#include "kedja-timeline.h"
#include "timeline-plans.h"

static gboolean meeting_mode;
static gboolean gap_plan;
static int long_plan;
static int plan_index = -1;
static char *export_png;
static char *export_pdf;

static const GOptionEntry entries[] = {
  { "meeting", 'm', 0, G_OPTION_ARG_NONE, &meeting_mode, "Meeting mode", NULL },
  { "gap", 'g', 0, G_OPTION_ARG_NONE, &gap_plan, "The tests' plan with an 8-day gap", NULL },
  { "long", 'l', 0, G_OPTION_ARG_INT, &long_plan, "A synthetic chain of N steps", "N" },
  { "plan", 'p', 0, G_OPTION_ARG_INT, &plan_index, "Demo plan INDEX (default: one with gaps)",
    "INDEX" },
  { "export-png", 0, 0, G_OPTION_ARG_FILENAME, &export_png, "Also export the whole plan as PNG",
    "FILE" },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, &export_pdf, "Also export the whole plan as PDF",
    "FILE" },
  { NULL },
};

#define DEMO_TODAY TL_D (2026, 3, 2)

/* A demo plan with something to show: several steps and gap bands. */
static KedjaPlan *
pick_demo_plan (void)
{
  g_autoptr(KedjaDemoData) demo = kedja_demo_generate (60, 20260302, DEMO_TODAY);
  guint best = 0, best_score = 0;

  for (guint i = 0; i < demo->plans->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (demo->plans, i);
      g_autoptr(GArray) findings = kedja_analyse (plan, NULL, DEMO_TODAY);
      guint bands = 0, score;

      for (guint f = 0; f < findings->len; f++)
        bands += g_array_index (findings, KedjaFinding, f).start != KEDJA_DATE_NONE;
      score = bands * 100 + plan->steps->len * 10 + plan->handovers->len;
      if ((plan_index < 0 && score > best_score && !plan->client->protected_identity)
          || (int) i == plan_index)
        {
          best = i;
          best_score = score;
        }
    }
  return kedja_plan_ref (g_ptr_array_index (demo->plans, best));
}

static void
export_cb (KedjaTimeline *timeline)
{
  g_autoptr(GError) error = NULL;

  if (export_png != NULL && !kedja_timeline_export_png (timeline, export_png, TRUE, &error))
    g_printerr ("%s\n", error->message);
  g_clear_error (&error);
  if (export_pdf != NULL && !kedja_timeline_export_pdf (timeline, export_pdf, TRUE, &error))
    g_printerr ("%s\n", error->message);
}

static void
activate_cb (GtkApplication *app)
{
  g_autoptr(KedjaPlan) plan = NULL;
  GtkWidget *window, *box, *header, *scroller, *timeline;
  KedjaDate today = DEMO_TODAY;

  if (gap_plan)
    {
      plan = timeline_gap_plan ();
      today = TL_GAP_TODAY;
    }
  else if (long_plan > 0)
    plan = timeline_long_plan (long_plan, 1, today);
  else
    plan = pick_demo_plan ();

  window = adw_application_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  gtk_window_set_title (GTK_WINDOW (window), plan->title ? plan->title : "Kedja");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (plan->title ? plan->title : "Kedja",
                                                         kedja_client_display_name (plan->client->name,
                                                                                    plan->client->protected_identity)));
  gtk_box_append (GTK_BOX (box), header);

  timeline = kedja_timeline_new ();
  kedja_timeline_set_plan (KEDJA_TIMELINE (timeline), plan, NULL, today);
  kedja_timeline_set_meeting_mode (KEDJA_TIMELINE (timeline), meeting_mode);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), timeline);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  if (export_png != NULL || export_pdf != NULL)
    g_signal_connect (timeline, "map", G_CALLBACK (export_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  kedja_i18n_init ();
  app = adw_application_new ("org.kedja.Kedja.TimelineDemo", G_APPLICATION_NON_UNIQUE);
  g_application_add_main_option_entries (G_APPLICATION (app), entries);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
