/* kedja-i18n.h — one place that binds Kedja's translations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds the "kedja" text domain,
 * from $KEDJA_LOCALEDIR when set (uninstalled runs and tests), else from the
 * installed locale directory. Every program and test calls this first. */
void kedja_i18n_init (void);

G_END_DECLS
