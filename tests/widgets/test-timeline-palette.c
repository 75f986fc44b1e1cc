/* test-timeline-palette.c — every pair of colours that meets on the timeline is readable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WCAG 2.1 AA: 4.5:1 for text against what it is written on, 3:1 for
 * shapes that carry meaning (outlines, bands, icons) against the lanes.
 * Checked in the light and dark styles, with and without meeting mode.
 * The reference values of the contrast function come from the WCAG
 * definition worked out by hand.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include "kedja-timeline-palette.h"

#define TEXT_AA  4.5
#define SHAPE_AA 3.0

static const char *
style_name (gboolean dark,
            gboolean high_contrast)
{
  return dark ? (high_contrast ? "dark, meeting" : "dark") : (high_contrast ? "light, meeting" : "light");
}

static void
assert_contrast (const KedjaTimelinePalette *p,
                 const char                 *what,
                 const GdkRGBA              *a,
                 const GdkRGBA              *b,
                 double                      minimum)
{
  double ratio = kedja_timeline_palette_contrast (a, b);

  if (ratio < minimum)
    g_error ("%s (%s): contrast %.2f:1, needs %.1f:1", what,
             style_name (p->dark, p->high_contrast), ratio, minimum);
  g_assert_cmpfloat (ratio, >=, minimum);
}

static void
test_contrast_function (void)
{
  GdkRGBA black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 }, grey = { 0.5f, 0.5f, 0.5f, 1 };

  /* (1 + 0.05) / (0 + 0.05) = 21; a colour against itself is 1. */
  g_assert_cmpfloat_with_epsilon (kedja_timeline_palette_contrast (&black, &white), 21.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_palette_contrast (&white, &black), 21.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (kedja_timeline_palette_contrast (&grey, &grey), 1.0, 1e-9);
  /* 0.5 → ((0.5 + 0.055) / 1.055)^2.4 = 0.2140; (1.05) / (0.2640) = 3.98. */
  g_assert_cmpfloat_with_epsilon (kedja_timeline_palette_contrast (&white, &grey), 3.98, 0.01);

  g_assert_false (kedja_timeline_palette_is_dark_style (&black));
  g_assert_true (kedja_timeline_palette_is_dark_style (&white));
}

static void
check_palette (gboolean dark,
               gboolean high_contrast)
{
  KedjaTimelinePalette p;
  const GdkRGBA *surfaces[] = { &p.background, &p.lane_alt, &p.chrome };

  kedja_timeline_palette_init (&p, dark, high_contrast);
  g_assert_true (p.dark == dark);

  /* Lane labels, titles on outlined bars, axis and legend text, the
   * dimmer agency and day labels: on every surface they are written on. */
  for (guint s = 0; s < G_N_ELEMENTS (surfaces); s++)
    {
      assert_contrast (&p, "text", &p.text, surfaces[s], TEXT_AA);
      assert_contrast (&p, "dim text", &p.text_dim, surfaces[s], TEXT_AA);
    }

  for (int k = 0; k < KEDJA_TIMELINE_N_KINDS; k++)
    {
      g_autofree char *filled = g_strdup_printf ("text on a filled bar of %s",
                                                 kedja_agency_kind_get_label (k));
      g_autofree char *tinted = g_strdup_printf ("text on a planned bar of %s",
                                                 kedja_agency_kind_get_label (k));
      g_autofree char *outline = g_strdup_printf ("outline of a planned bar of %s",
                                                   kedja_agency_kind_get_label (k));

      assert_contrast (&p, filled, &p.on_fill, &p.kind_fill[k], TEXT_AA);
      assert_contrast (&p, tinted, &p.text, &p.kind_tint[k], TEXT_AA);
      assert_contrast (&p, tinted, &p.text_dim, &p.kind_tint[k], TEXT_AA);
      assert_contrast (&p, outline, &p.kind_line[k], &p.background, SHAPE_AA);
      assert_contrast (&p, outline, &p.kind_line[k], &p.lane_alt, SHAPE_AA);
      /* The tint must stay a tint: text contrast on it near the lanes'. */
      g_assert_cmpfloat (kedja_timeline_palette_contrast (&p.kind_tint[k], &p.background), <, 1.6);
    }

  for (int s = 0; s < KEDJA_TIMELINE_N_SEVERITIES; s++)
    {
      g_autofree char *band = g_strdup_printf ("%s band", kedja_severity_get_label (s));
      g_autofree char *badge = g_strdup_printf ("mark in a %s badge", kedja_severity_get_label (s));

      assert_contrast (&p, band, &p.severity[s], &p.background, SHAPE_AA);
      assert_contrast (&p, band, &p.severity[s], &p.lane_alt, SHAPE_AA);
      assert_contrast (&p, badge, &p.on_severity[s], &p.severity[s], SHAPE_AA);
      /* Text laid over a band (on its tint, where the pill leaves it). */
      assert_contrast (&p, band, &p.text, &p.severity_tint[s], TEXT_AA);
    }

  assert_contrast (&p, "today label", &p.on_today, &p.today, TEXT_AA);
  assert_contrast (&p, "today line", &p.today, &p.background, SHAPE_AA);
  assert_contrast (&p, "focus ring", &p.focus, &p.background, SHAPE_AA);
  assert_contrast (&p, "handover", &p.handover, &p.background, SHAPE_AA);
  assert_contrast (&p, "handover", &p.handover, &p.lane_alt, SHAPE_AA);
  assert_contrast (&p, "check of a confirmed handover", &p.on_confirmed, &p.confirmed, SHAPE_AA);
  assert_contrast (&p, "confirmed handover", &p.confirmed, &p.background, SHAPE_AA);
  assert_contrast (&p, "marker", &p.marker, &p.chrome, SHAPE_AA);

  /* Red is for findings: no agency colour may pass for a critical band. */
  for (int k = 0; k < KEDJA_TIMELINE_N_KINDS; k++)
    {
      const GdkRGBA *c = &p.kind_fill[k];
      g_assert_false (c->red > c->green + 0.3 && c->red > c->blue + 0.3);
    }
}

static void
test_light (void)
{
  check_palette (FALSE, FALSE);
}

static void
test_dark (void)
{
  check_palette (TRUE, FALSE);
}

static void
test_meeting (void)
{
  check_palette (FALSE, TRUE);
  check_palette (TRUE, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/widgets/palette/contrast-function", test_contrast_function);
  g_test_add_func ("/widgets/palette/light", test_light);
  g_test_add_func ("/widgets/palette/dark", test_dark);
  g_test_add_func ("/widgets/palette/meeting", test_meeting);

  return g_test_run ();
}
