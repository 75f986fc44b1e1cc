/* kedja-timeline-palette.h — the timeline's colours, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small fixed palette rather than the theme's colours: the timeline
 * paints its own background, so every pair of colours that meets on it is
 * known and its contrast can be checked by a test (WCAG AA: 4.5:1 for text,
 * 3:1 for shapes). Red, amber and grey belong to the findings' severities;
 * no agency kind uses them.
 */
#pragma once

#include <gdk/gdk.h>

#include "kedja-core.h"

G_BEGIN_DECLS

#define KEDJA_TIMELINE_N_KINDS      (KEDJA_AGENCY_KIND_OTHER + 1)
#define KEDJA_TIMELINE_N_SEVERITIES (KEDJA_SEVERITY_CRITICAL + 1)

typedef struct {
  gboolean dark;
  gboolean high_contrast;

  GdkRGBA background;      /* the lanes */
  GdkRGBA lane_alt;        /* every other lane */
  GdkRGBA chrome;          /* the axis and the lane labels' column */
  GdkRGBA separator;
  GdkRGBA grid;            /* minor ticks through the lanes */
  GdkRGBA grid_major;
  GdkRGBA weekend;         /* translucent, over either lane colour */

  GdkRGBA text;            /* on background, lane_alt, chrome and kind_tint */
  GdkRGBA text_dim;        /* secondary text: agencies, minor tick labels */
  GdkRGBA on_fill;         /* text on a filled bar (kind_fill) */
  GdkRGBA hover;           /* laid over a bar under the pointer */
  GdkRGBA focus;           /* the keyboard focus ring */

  GdkRGBA today;           /* the today line, and its label's background */
  GdkRGBA on_today;
  GdkRGBA marker;          /* follow-up and SIP-meeting markers */
  GdkRGBA handover;        /* connectors */
  GdkRGBA confirmed;       /* the disc behind a confirmed handover's check */
  GdkRGBA on_confirmed;

  GdkRGBA kind_fill[KEDJA_TIMELINE_N_KINDS];  /* ongoing and completed bars */
  GdkRGBA kind_line[KEDJA_TIMELINE_N_KINDS];  /* planned bars' outline */
  GdkRGBA kind_tint[KEDJA_TIMELINE_N_KINDS];  /* inside a planned bar (opaque) */

  GdkRGBA severity[KEDJA_TIMELINE_N_SEVERITIES];       /* hatching, band edges, badges */
  GdkRGBA severity_tint[KEDJA_TIMELINE_N_SEVERITIES];  /* under the hatching (opaque) */
  GdkRGBA on_severity[KEDJA_TIMELINE_N_SEVERITIES];    /* the mark inside a badge */
} KedjaTimelinePalette;

/* @high_contrast is meeting mode: a projector washes colours out. */
void   kedja_timeline_palette_init      (KedjaTimelinePalette *palette,
                                         gboolean              dark,
                                         gboolean              high_contrast);

/* WCAG 2 relative luminance of an opaque colour, 0 (black) to 1 (white). */
double kedja_timeline_palette_luminance (const GdkRGBA        *color);
/* WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
double kedja_timeline_palette_contrast  (const GdkRGBA        *a,
                                         const GdkRGBA        *b);

/* Whether @foreground, the widget's CSS colour, belongs to a dark style:
 * light text is written on a dark background. */
gboolean kedja_timeline_palette_is_dark_style (const GdkRGBA *foreground);

G_END_DECLS
