/* timeline-plans.h — plans for the timeline's tests, benchmark and demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kedja-core.h"

G_BEGIN_DECLS

#define TL_D(y, m, d) kedja_date_from_ymd (y, m, d)

/* The gap plan: detox at Beroendekliniken 1–10 Sep 2026, inpatient
 * treatment at a treatment home 19 Sep–30 Nov handed over to aftercare
 * that runs on: 11–18 Sep (8 days) are uncovered after a residential
 * step, a critical gap in the treatment lane. Nothing else is wrong with
 * it (coordinator, consents, own goal, follow-up, own housing, a next step
 * after the treatment), so that gap is its only finding. */
#define TL_GAP_TODAY        TL_D (2026, 9, 1)
#define TL_GAP_DETOX_END    TL_D (2026, 9, 10)
#define TL_GAP_FIRST        TL_D (2026, 9, 11)
#define TL_GAP_LAST         TL_D (2026, 9, 18)
#define TL_GAP_TREATMENT    TL_D (2026, 9, 19)

KedjaPlan *timeline_gap_plan  (void);

/* A long care chain of @n_steps steps over max (1, n_steps / 50) years:
 * every phase in its lane, steps that touch, overlap a little or leave
 * gaps, handovers along the chain (most of them confirmed), statuses by
 * @today, some interrupted and cancelled — the same dates, titles and
 * statuses for the same arguments (ids are random). */
KedjaPlan *timeline_long_plan (guint     n_steps,
                               guint32   seed,
                               KedjaDate today);

G_END_DECLS
