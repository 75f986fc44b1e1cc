/* kedja-demo.h — deterministic synthetic plans that look like the city
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kedja-date.h"
#include "kedja-plan.h"

G_BEGIN_DECLS

/* Everything a demo run makes: the shared agency directory and one plan per
 * client. The same seed, count and today give the same data, ids included. */
typedef struct {
  GPtrArray *agencies;  /* (element-type KedjaAgency): the directory */
  GPtrArray *plans;     /* (element-type KedjaPlan) */
} KedjaDemoData;

KedjaDemoData *kedja_demo_generate  (guint          n_clients,
                                     guint64        seed,
                                     KedjaDate      today);
void           kedja_demo_data_free (KedjaDemoData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaDemoData, kedja_demo_data_free)

G_END_DECLS
