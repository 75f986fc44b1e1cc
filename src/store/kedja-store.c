/* kedja-store.c — the SQLite file that holds plans, the directory and the log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-store"

#include "config.h"

#include "kedja-store.h"

G_DEFINE_QUARK (kedja-store-error-quark, kedja_store_error)
