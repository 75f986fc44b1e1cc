/* kedja-error.c — errors of the domain model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kedja-error.h"

G_DEFINE_QUARK (kedja-model-error-quark, kedja_model_error)
