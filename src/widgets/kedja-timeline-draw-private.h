/* kedja-timeline-draw-private.h — the drawing's caches, shared by its two files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kedja-timeline-draw.c makes and keeps what does not change from frame to
 * frame (text layouts, icons, the lanes, the legend); kedja-timeline-frame.c
 * draws a frame from them. What each cache was made for is remembered, so
 * a cache is made again only when the plan, the zoom's level of detail,
 * the fonts or the style change — never because the view scrolled.
 */
#pragma once

#include "kedja-timeline-private.h"

G_BEGIN_DECLS

typedef enum {
  FONT_TITLE,        /* a step's title on its bar */
  FONT_AGENCY,       /* the agency under it */
  FONT_LANE,         /* lane labels */
  FONT_AXIS_MAJOR,   /* months (years) on the axis */
  FONT_AXIS_MINOR,   /* days, weeks, months */
  FONT_LEGEND,
  FONT_BAND,         /* "8 days" in a gap band, "Today" */
  N_FONTS,
} FontRole;

/* One line of a step's text: laid out once, and again, ellipsized, for
 * the room a bar gives it when it does not fit — in steps of FIT_STEP
 * pixels, so scrolling never lays it out again and zooming seldom does. */
typedef struct {
  PangoLayout *full;
  int          width;         /* of full, in pixels */
  int          height;
  PangoLayout *fit;           /* NULL until needed */
  int          fit_room;      /* what fit was laid out for */
} TextLine;

#define FIT_STEP 8

/* The text of one step. */
typedef struct {
  TextLine        title;      /* title.full is NULL until the step is first drawn */
  TextLine        agency;
  KedjaAgencyKind kind;       /* its colour */
} StepText;

/* A connector's head comes turned to one of this many directions: a
 * texture drawn turned costs five times one drawn as it is, and 11° is
 * more than a head of ten pixels can show. */
#define N_ARROW_DIRECTIONS 32

/* Icons, made once per style, size and scale. */
typedef enum {
  ICON_CRITICAL = KEDJA_SEVERITY_CRITICAL,
  ICON_WARNING = KEDJA_SEVERITY_WARNING,
  ICON_NOTICE = KEDJA_SEVERITY_NOTICE,
  ICON_CHECK = KEDJA_TIMELINE_N_SEVERITIES,  /* a confirmed handover */
  ICON_CHECK_SMALL,                          /* the same on a junction of two bars */
  ICON_FOLLOW_UP,                            /* centred on 0,0 */
  ICON_MEETING,                              /* centred on 0,0 */
  ICON_ARROW,                                /* a connector's head, its tip at 0,0: pointing
                                              * right, then turned clockwise in steps, up to
                                              * ICON_ARROW + N_ARROW_DIRECTIONS - 1 */
  N_ICONS = ICON_ARROW + N_ARROW_DIRECTIONS,
} IconKind;

/* The mark of a gap band pinned on the bar it lies over, as a badge. */
typedef struct {
  guint         item;
  guint         slot;         /* after the item's own badges */
  KedjaSeverity severity;
  guint         band;         /* whose mark it is: a click on it opens the band's popover */
} HostedMark;

/* A narrow bar whose title may go beside it, once the next bar of its
 * row shows how much room there is. */
typedef struct {
  int     lane;
  guint   row;
  guint   step;
  double  x;                  /* where the room starts */
  double  y;
  gboolean cancelled;
  /* A bar wide enough for some of its title: it goes inside, ellipsized,
   * unless the whole of it fits beside. */
  gboolean inside;
  guint   item;
  double  bar_x;
  double  bar_w;
  gboolean filled;
} Beside;

/* A row of narrow bars merged into one run (level of detail). */
typedef struct {
  int     lane;
  guint   row;
  double  x1;
  double  x2;
  double  y;
  int     kind;               /* -1 when the run mixes kinds */
} Run;

struct _KedjaTimelineDrawCache
{
  /* What the caches below were made for. */
  PangoContext         *pango;          /* not a reference: compared only */
  guint                 pango_serial;
  guint                 plan_serial;
  guint                 layout_serial;
  gboolean              meeting_mode;
  gboolean              dark;
  gboolean              high_contrast;
  gboolean              valid;

  PangoFontDescription *fonts[N_FONTS];
  GArray               *texts;          /* StepText, one per step of the plan */
  GHashTable           *labels[N_FONTS];/* text → PangoLayout: ticks, bands */

  GdkTexture           *icons[N_ICONS];
  graphene_rect_t       icon_bounds[N_ICONS];  /* around its anchor, in pixels */
  double                icon_size;
  int                   icon_scale;
  GdkTexture           *tiles[KEDJA_TIMELINE_N_SEVERITIES];  /* one period of a band's hatching */
  double                tile_size[KEDJA_TIMELINE_N_SEVERITIES];
  GskRenderNode        *lanes;          /* lane backgrounds and labels */
  double                lanes_width;
  GskRenderNode        *legend;
  double                legend_width;
  /* The steps' layers of a plan seen whole (kedja-timeline-frame.c),
   * drawn for content_first_day and what follows; frames that only
   * scroll move it. */
  GskRenderNode        *content;
  double                content_first_day;
  double                content_px_per_day;
  guint                 content_plan_serial;
  guint                 content_layout_serial;
  int                   content_scale;
  int                   content_hover_step;
  KedjaTimelineHit      content_hover;
  double                legend_height;

  /* Scratch arrays reused by every frame, so a frame allocates little. */
  GArray               *ticks;          /* KedjaTimelineTick */
  GArray               *visible;        /* guint */
  GArray               *runs;           /* Run */
  GArray               *hosted;         /* HostedMark */
  GArray               *band_hosted;    /* gboolean per band: its mark is a badge */
  GArray               *beside;         /* Beside */
};

/* kedja-timeline-draw.c, -icons.c, -legend.c */
void         _kedja_timeline_draw_cache_validate (KedjaTimelineDrawCache   *cache,
                                                  const KedjaTimelineScene *scene);
StepText    *_kedja_timeline_draw_step_text      (KedjaTimelineDrawCache   *cache,
                                                  const KedjaTimelineScene *scene,
                                                  guint                     step);
/* @line as it fits in @room pixels (ellipsized when it does not). */
PangoLayout *_kedja_timeline_text_line_fit       (TextLine                 *line,
                                                  double                    room);
/* A one-line label in @font, laid out once and kept. */
PangoLayout *_kedja_timeline_draw_label          (KedjaTimelineDrawCache   *cache,
                                                  const KedjaTimelineScene *scene,
                                                  FontRole                  font,
                                                  const char               *text);
/* @icon with its anchor at (@x, @y): the top left of a badge or check
 * (metrics.badge_size square), the tip of an arrow, the centre of a marker. */
void         _kedja_timeline_append_icon         (KedjaTimelineDrawCache   *cache,
                                                  const KedjaTimelineScene *scene,
                                                  GtkSnapshot              *snapshot,
                                                  IconKind                  icon,
                                                  double                    x,
                                                  double                    y);
GskRenderNode *_kedja_timeline_draw_lanes        (KedjaTimelineDrawCache   *cache,
                                                  const KedjaTimelineScene *scene);
GskRenderNode *_kedja_timeline_draw_legend       (KedjaTimelineDrawCache   *cache,
                                                  const KedjaTimelineScene *scene);
/* The agency kind of @step, OTHER when it names none. */
KedjaAgencyKind _kedja_timeline_step_kind        (const KedjaPlan          *plan,
                                                  const KedjaStep          *step);

static inline GdkRGBA
_kedja_timeline_faded (const GdkRGBA *color,
                       float          alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

/* An image surface as a texture, for icons and tiles. */
GdkTexture  *_kedja_timeline_texture_for_surface (cairo_surface_t          *surface);

/* Small drawing helpers, shared with the legend. */
void         _kedja_timeline_append_rect         (GtkSnapshot              *snapshot,
                                                  const GdkRGBA            *color,
                                                  double                    x,
                                                  double                    y,
                                                  double                    width,
                                                  double                    height);
void         _kedja_timeline_append_node_at      (GtkSnapshot              *snapshot,
                                                  GskRenderNode            *node,
                                                  double                    x,
                                                  double                    y);
void         _kedja_timeline_append_layout_at    (GtkSnapshot              *snapshot,
                                                  PangoLayout              *layout,
                                                  const GdkRGBA            *color,
                                                  double                    x,
                                                  double                    y);
/* Stripes of @color across @rect, anchored at its origin, the pattern of
 * @severity: cross-hatched (critical), one way (warning), sparse the other
 * way (notice), so that severity never rests on colour alone. */
void         _kedja_timeline_append_hatch        (GtkSnapshot              *snapshot,
                                                  const graphene_rect_t    *rect,
                                                  KedjaSeverity             severity,
                                                  const GdkRGBA            *color,
                                                  gboolean                  meeting_mode);
/* How faint a cancelled step is drawn. */
#define CANCELLED_ALPHA 0.45f

/* A bar's body, without its text: outlined (planned, booked, cancelled) or
 * filled (ongoing, completed, interrupted) in its agency's colour; an
 * interrupted bar has a cut end, one that runs on fades out, a cancelled
 * one is faint. @overlay (nullable) is laid over it: hover. Below a few
 * pixels of width it is a plain sliver, below LOD_SQUARE_BELOW square. */
void         _kedja_timeline_append_bar          (GtkSnapshot              *snapshot,
                                                  const KedjaTimelinePalette *palette,
                                                  KedjaAgencyKind           kind,
                                                  KedjaStepStatus           status,
                                                  const graphene_rect_t    *rect,
                                                  gboolean                  open_ended,
                                                  gboolean                  meeting_mode,
                                                  const GdkRGBA            *overlay);
/* A band's fill: its tint and hatching, as one small tile repeated over
 * @rect from its origin. A band can be years long; a tile costs a copy per
 * pixel where a gradient costs arithmetic. */
void         _kedja_timeline_append_band_fill    (KedjaTimelineDrawCache   *cache,
                                                  const KedjaTimelineScene *scene,
                                                  GtkSnapshot              *snapshot,
                                                  const graphene_rect_t    *rect,
                                                  KedjaSeverity             severity);
/* A dashed or solid straight line from (x1, y1) to (x2, y2). */
void         _kedja_timeline_append_line         (GtkSnapshot              *snapshot,
                                                  const GdkRGBA            *color,
                                                  double                    x1,
                                                  double                    y1,
                                                  double                    x2,
                                                  double                    y2,
                                                  double                    width,
                                                  gboolean                  dashed);

/* One frame being drawn (kedja-timeline-frame.c, -bands.c, -axis.c). */
typedef struct {
  KedjaTimelineDrawCache     *cache;
  const KedjaTimelineScene   *scene;
  const KedjaTimelinePalette *p;
  const KedjaTimelineMetrics *m;
  const KedjaTimelineLayout  *layout;
  GtkSnapshot                *snapshot;
  KedjaTimelineView           view;
  double                      top;      /* what can be seen, in layout y */
  double                      bottom;
  double                      line_width;
} Frame;

static inline double
_kedja_frame_day_middle (const Frame *f,
                         KedjaDate    date)
{
  return kedja_timeline_view_x_for_date (&f->view, date) + f->view.px_per_day / 2;
}

static inline gboolean
_kedja_frame_x_visible (const Frame *f,
                        double       x1,
                        double       x2)
{
  return x2 >= f->view.time_left && x1 <= f->view.width;
}

/* kedja-timeline-frame.c's layers drawn elsewhere. */
void         _kedja_frame_grid                   (Frame                    *f);
void         _kedja_frame_day_lines              (Frame                    *f);
void         _kedja_frame_axis                   (Frame                    *f);
void         _kedja_frame_bands                  (Frame                    *f);
/* Marks of notices under the bars, of warnings and criticals over them. */
void         _kedja_frame_band_marks             (Frame                    *f,
                                                  gboolean                  over_bars);
/* Decides which bands' marks go on a bar as badges; before the bars. */
void         _kedja_frame_host_band_marks        (Frame                    *f);
/* How many badges @item carries: its own and those pinned on it. */
guint        _kedja_frame_n_badges_on            (Frame                    *f,
                                                  guint                     item,
                                                  const KedjaTimelineItem  *it);

/* For kedja-timeline-input.c: the band whose mark the last frame pinned
 * as a badge on a bar at (@x, @y) in layout coordinates, or -1 (also when
 * that frame was drawn from another layout than @layout_serial's). The
 * layout's hit test sees only the bar there. */
int          _kedja_timeline_draw_cache_hosted_band_at (KedjaTimelineDrawCache    *cache,
                                                        const KedjaTimelineLayout *layout,
                                                        guint                      layout_serial,
                                                        const KedjaTimelineView   *view,
                                                        double                     x,
                                                        double                     y);

G_END_DECLS
