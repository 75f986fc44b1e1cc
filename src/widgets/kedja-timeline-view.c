/* kedja-timeline-view.c — days and pixels, and the date axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view (which day is at the left edge, and how many pixels a day is)
 * and the axis's ticks depend on no plan: they are apart from the layout
 * (kedja-timeline-layout.c), with which they share kedja-timeline-layout.h.
 * No GTK here either.
 */
#define G_LOG_DOMAIN "kedja-widgets"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "kedja-timeline-layout.h"

/* The view ================================================================ */

double
kedja_timeline_view_x_for_date (const KedjaTimelineView *view,
                                KedjaDate                date)
{
  return view->time_left + ((double) date - view->first_day) * view->px_per_day;
}

KedjaDate
kedja_timeline_view_date_at_x (const KedjaTimelineView *view,
                               double                   x)
{
  return (KedjaDate) floor (view->first_day + (x - view->time_left) / view->px_per_day);
}

KedjaDate
kedja_timeline_view_last_date (const KedjaTimelineView *view)
{
  /* The day whose column holds the last pixel, not the one after it. */
  return kedja_timeline_view_date_at_x (view, view->width - 0.5);
}

void
kedja_timeline_view_zoom_at (KedjaTimelineView *view,
                             double             x,
                             double             factor)
{
  double day = view->first_day + (x - view->time_left) / view->px_per_day;

  view->px_per_day = CLAMP (view->px_per_day * factor, KEDJA_TIMELINE_MIN_PX_PER_DAY,
                            KEDJA_TIMELINE_MAX_PX_PER_DAY);
  view->first_day = day - (x - view->time_left) / view->px_per_day;
}

void
kedja_timeline_view_fit (KedjaTimelineView *view,
                         KedjaDate          first,
                         KedjaDate          last)
{
  double days = MAX (1.0, (double) (last - first + 1));
  double room = MAX (1.0, view->width - view->time_left);

  view->px_per_day = CLAMP (room / days, KEDJA_TIMELINE_MIN_PX_PER_DAY,
                            KEDJA_TIMELINE_MAX_PX_PER_DAY);
  /* Centred when the limits leave room to spare. */
  view->first_day = first - (room / view->px_per_day - days) / 2.0;
}

/* The date axis =========================================================== */

/* Below this many pixels a day gets no tick of its own, below the second a
 * week gets none: a tick label needs about 20 pixels to be read. */
#define DAY_TICKS_FROM  24.0
#define WEEK_TICKS_FROM 3.0
/* A month's label ("sep") needs about this much room. */
#define MONTH_LABEL_ROOM 28.0

KedjaTimelineTickUnit
kedja_timeline_view_tick_unit (const KedjaTimelineView *view)
{
  if (view->px_per_day >= DAY_TICKS_FROM)
    return KEDJA_TIMELINE_TICKS_DAYS;
  if (view->px_per_day >= WEEK_TICKS_FROM)
    return KEDJA_TIMELINE_TICKS_WEEKS;
  return KEDJA_TIMELINE_TICKS_MONTHS;
}

static void
add_tick (const KedjaTimelineView *view,
          GArray                  *out,
          KedjaDate                date,
          gboolean                 major,
          const char              *label)
{
  KedjaTimelineTick tick = { .date = date, .major = major };

  tick.x = kedja_timeline_view_x_for_date (view, date);
  g_strlcpy (tick.label, label ? label : "", sizeof tick.label);
  g_array_append_val (out, tick);
}

static void
month_label (char      *buf,
             gsize      size,
             int        year,
             int        month)
{
  /* TRANSLATORS: a month on the timeline's axis: "september 2026" */
  g_snprintf (buf, size, C_("timeline axis", "%s %d"), kedja_date_get_month_name (month), year);
}

void
kedja_timeline_view_ticks (const KedjaTimelineView *view,
                           GArray                  *out)
{
  KedjaDate first = kedja_timeline_view_date_at_x (view, view->time_left);
  KedjaDate last = kedja_timeline_view_last_date (view);
  KedjaTimelineTickUnit unit = kedja_timeline_view_tick_unit (view);
  char label[48];

  g_return_if_fail (out != NULL && g_array_get_element_size (out) == sizeof (KedjaTimelineTick));

  first = MAX (first, 1);
  for (KedjaDate date = first; date <= last; date++)
    {
      int y, m, d;

      kedja_date_to_ymd (date, &y, &m, &d);
      switch (unit)
        {
        case KEDJA_TIMELINE_TICKS_DAYS:
          if (d == 1)
            {
              month_label (label, sizeof label, y, m);
              add_tick (view, out, date, TRUE, label);
            }
          else
            {
              g_snprintf (label, sizeof label, "%d", d);
              add_tick (view, out, date, FALSE, label);
            }
          break;

        case KEDJA_TIMELINE_TICKS_WEEKS:
          if (d == 1)
            {
              month_label (label, sizeof label, y, m);
              add_tick (view, out, date, TRUE, label);
            }
          else if (kedja_date_get_weekday (date) == 1)
            {
              /* TRANSLATORS: an ISO week number on the axis: "v. 37" in Swedish */
              g_snprintf (label, sizeof label, C_("timeline axis", "w. %d"),
                          kedja_date_get_week (date));
              add_tick (view, out, date, FALSE, label);
            }
          break;

        case KEDJA_TIMELINE_TICKS_MONTHS:
          if (d != 1)
            {
              /* Jump to the next month's first day. */
              date += kedja_date_days_in_month (y, m) - d;
              continue;
            }
          if (m == 1)
            {
              g_snprintf (label, sizeof label, "%d", y);
              add_tick (view, out, date, TRUE, label);
            }
          else
            {
              gboolean room = view->px_per_day * 30 >= MONTH_LABEL_ROOM;

              /* Narrow months: a label on every third (Apr, Jul, Oct). */
              add_tick (view, out, date, FALSE,
                        room || (m - 1) % 3 == 0
                          ? kedja_date_get_month_abbreviation (m)
                          : NULL);
            }
          date += kedja_date_days_in_month (y, m) - 1;
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* What the first visible day belongs to: its month at day and week ticks,
 * its year at month ticks (the units of the major ticks above). */
void
kedja_timeline_view_leading_label (const KedjaTimelineView *view,
                                   char                    *buf,
                                   gsize                    size)
{
  KedjaDate first = kedja_timeline_view_date_at_x (view, view->time_left);
  int y, m, d;

  g_return_if_fail (buf != NULL && size > 0);

  kedja_date_to_ymd (MAX (first, 1), &y, &m, &d);
  if (kedja_timeline_view_tick_unit (view) == KEDJA_TIMELINE_TICKS_MONTHS)
    g_snprintf (buf, size, "%d", y);
  else
    month_label (buf, size, y, m);
}
