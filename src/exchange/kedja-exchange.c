/* kedja-exchange.c — XML in and out of Kedja: shared parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include "kedja-exchange.h"

G_DEFINE_QUARK (kedja-exchange-error-quark, kedja_exchange_error)
