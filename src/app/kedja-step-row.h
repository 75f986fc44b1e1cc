/* kedja-step-row.h — one step of the care chain, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kedja-core.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_STEP_ROW (kedja_step_row_get_type ())

G_DECLARE_FINAL_TYPE (KedjaStepRow, kedja_step_row, KEDJA, STEP_ROW, GtkListBoxRow)

/* Shows @step of @plan: the plan gives the responsible agency's name. The
 * row copies what it shows and keeps no pointer to either. */
GtkWidget  *kedja_step_row_new         (const KedjaPlan *plan,
                                        const KedjaStep *step);
const char *kedja_step_row_get_step_id (KedjaStepRow    *self);

G_END_DECLS
