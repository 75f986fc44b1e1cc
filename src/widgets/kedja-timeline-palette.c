/* kedja-timeline-palette.c — the timeline's colours, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Agency colours are dark enough for white text in both styles (the dark
 * style adds a light outline so the bars still stand out from its
 * background); planned bars are a faint tint of their colour under normal
 * text. The hues are GNOME's palette moved where contrast needed it.
 * test-timeline-palette checks every pair that meets on screen.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>

#include "kedja-timeline-palette.h"

static GdkRGBA
rgb (guint32 hex)
{
  return (GdkRGBA) {
    ((hex >> 16) & 0xff) / 255.f, ((hex >> 8) & 0xff) / 255.f, (hex & 0xff) / 255.f, 1.f,
  };
}

/* @over laid on @under at @alpha, as one opaque colour: tints are drawn
 * opaque so that their contrast with text is exactly what was checked. */
static GdkRGBA
blend (const GdkRGBA *under,
       const GdkRGBA *over,
       float          alpha)
{
  return (GdkRGBA) {
    under->red + (over->red - under->red) * alpha,
    under->green + (over->green - under->green) * alpha,
    under->blue + (over->blue - under->blue) * alpha,
    1.f,
  };
}

/* One per KedjaAgencyKind, in its order: fills that carry white text. */
static const guint32 kind_fills[KEDJA_TIMELINE_N_KINDS] = {
  0x1c5fb4, /* social services: blue */
  0x7b3b9c, /* addiction care: purple */
  0x0b6f77, /* psychiatry: teal */
  0x217346, /* primary care: green */
  0x4a5068, /* prison and probation: slate */
  0x66620a, /* employment service: olive */
  0x4343b8, /* social insurance: indigo */
  0x7c5330, /* housing: brown */
  0xa1306b, /* civil society: magenta */
  0x5e5c64, /* other: grey */
};

/* The same hues, light, for outlines on the dark background; olive leans
 * green here, or it would pass for the dark style's amber warning. */
static const guint32 kind_lines_dark[KEDJA_TIMELINE_N_KINDS] = {
  0x62a0ea, 0xc77fd6, 0x4fc3c9, 0x57c98a, 0xa0a8c8,
  0x9cc46a, 0x9a9cf0, 0xcda07a, 0xf075b0, 0xb0aeb8,
};

void
kedja_timeline_palette_init (KedjaTimelinePalette *p,
                             gboolean              dark,
                             gboolean              high_contrast)
{
  g_return_if_fail (p != NULL);

  *p = (KedjaTimelinePalette) { .dark = dark, .high_contrast = high_contrast };

  if (!dark)
    {
      p->background = rgb (0xffffff);
      p->lane_alt = rgb (high_contrast ? 0xebebef : 0xf4f4f6);
      p->chrome = rgb (0xf0f0f2);
      p->separator = rgb (high_contrast ? 0x9a9996 : 0xd0d0d4);
      p->grid = rgb (0xe6e6ea);
      p->grid_major = rgb (0xc6c6cc);
      p->weekend = (GdkRGBA) { 0.1f, 0.1f, 0.3f, 0.045f };
      p->text = rgb (high_contrast ? 0x000000 : 0x2e2e33);
      p->text_dim = rgb (high_contrast ? 0x3d3846 : 0x5e5c64);
      p->on_fill = rgb (0xffffff);
      p->hover = (GdkRGBA) { 0, 0, 0, 0.10f };
      p->focus = rgb (0x1c71d8);
      p->today = rgb (0x1c71d8);
      p->on_today = rgb (0xffffff);
      p->marker = rgb (0x3d3846);
      p->handover = rgb (0x5e5c64);
      p->confirmed = rgb (0x1d7a45);
      p->on_confirmed = rgb (0xffffff);

      p->severity[KEDJA_SEVERITY_CRITICAL] = rgb (0xc01c28);
      p->severity[KEDJA_SEVERITY_WARNING] = rgb (0xb35c00);
      p->severity[KEDJA_SEVERITY_NOTICE] = rgb (0x6b6a70);
      for (int s = 0; s < KEDJA_TIMELINE_N_SEVERITIES; s++)
        p->on_severity[s] = rgb (0xffffff);
    }
  else
    {
      p->background = rgb (0x1e1e1e);
      p->lane_alt = rgb (high_contrast ? 0x2e2e31 : 0x262628);
      p->chrome = rgb (0x2a2a2c);
      p->separator = rgb (high_contrast ? 0x77767b : 0x45454a);
      p->grid = rgb (0x303033);
      p->grid_major = rgb (0x4a4a4f);
      p->weekend = (GdkRGBA) { 1, 1, 1, 0.035f };
      p->text = rgb (0xffffff);
      p->text_dim = rgb (high_contrast ? 0xdeddda : 0xb8b8bf);
      p->on_fill = rgb (0xffffff);
      p->hover = (GdkRGBA) { 1, 1, 1, 0.12f };
      p->focus = rgb (0x78aeed);
      p->today = rgb (0x78aeed);
      p->on_today = rgb (0x000000);
      p->marker = rgb (0xdeddda);
      p->handover = rgb (0xa8a7ae);
      p->confirmed = rgb (0x57e389);
      p->on_confirmed = rgb (0x000000);

      p->severity[KEDJA_SEVERITY_CRITICAL] = rgb (0xff7b72);
      p->severity[KEDJA_SEVERITY_WARNING] = rgb (0xf5c211);
      p->severity[KEDJA_SEVERITY_NOTICE] = rgb (0xa8a7ae);
      for (int s = 0; s < KEDJA_TIMELINE_N_SEVERITIES; s++)
        p->on_severity[s] = rgb (0x000000);
    }

  for (int k = 0; k < KEDJA_TIMELINE_N_KINDS; k++)
    {
      p->kind_fill[k] = rgb (kind_fills[k]);
      p->kind_line[k] = dark ? rgb (kind_lines_dark[k]) : p->kind_fill[k];
      p->kind_tint[k] = blend (&p->background, &p->kind_line[k], dark ? 0.16f : 0.12f);
    }

  /* A projector needs the bands more than the screen does, and a dark
   * background swallows a faint tint. */
  for (int s = 0; s < KEDJA_TIMELINE_N_SEVERITIES; s++)
    p->severity_tint[s] = blend (&p->background, &p->severity[s],
                                 (high_contrast ? 0.16f : 0.10f) + (dark ? 0.08f : 0.f));
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
kedja_timeline_palette_luminance (const GdkRGBA *color)
{
  g_return_val_if_fail (color != NULL, 0);

  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green)
         + 0.0722 * linear (color->blue);
}

double
kedja_timeline_palette_contrast (const GdkRGBA *a,
                                 const GdkRGBA *b)
{
  double la = kedja_timeline_palette_luminance (a);
  double lb = kedja_timeline_palette_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

gboolean
kedja_timeline_palette_is_dark_style (const GdkRGBA *foreground)
{
  g_return_val_if_fail (foreground != NULL, FALSE);

  return kedja_timeline_palette_luminance (foreground) > 0.5;
}
