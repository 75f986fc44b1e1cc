/* kedja-step-details.h — everything about one step, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kedja-core.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_STEP_DETAILS (kedja_step_details_get_type ())

G_DECLARE_FINAL_TYPE (KedjaStepDetails, kedja_step_details, KEDJA, STEP_DETAILS, AdwWindow)

/* A dialog over @parent showing @step_id of @plan: what, who, when, its
 * goals, handovers and the findings that concern it (analysed with
 * @settings as on @today). The note is left out when @show_note is FALSE:
 * on a projector in a meeting a worker's note may say what the client has
 * not agreed to share. Returns %NULL when the plan has no such step. */
KedjaStepDetails *kedja_step_details_new (GtkWindow                   *parent,
                                          const KedjaPlan             *plan,
                                          const char                  *step_id,
                                          const KedjaAnalysisSettings *settings,
                                          KedjaDate                    today,
                                          gboolean                     show_note);

G_END_DECLS
