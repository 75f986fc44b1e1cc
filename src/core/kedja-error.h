/* kedja-error.h — errors of the domain model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEDJA_MODEL_ERROR (kedja_model_error_quark ())

/* Every code comes with a message a social worker can act on. */
typedef enum {
  KEDJA_MODEL_ERROR_INVALID_DATE,
  KEDJA_MODEL_ERROR_INVALID_PERSONAL_NUMBER,
  KEDJA_MODEL_ERROR_INVALID_VALUE,
  KEDJA_MODEL_ERROR_MISSING,
  KEDJA_MODEL_ERROR_DANGLING_REFERENCE,
  KEDJA_MODEL_ERROR_DUPLICATE_ID,
  KEDJA_MODEL_ERROR_DATE_ORDER,
  KEDJA_MODEL_ERROR_OUT_OF_RANGE,
} KedjaModelError;

GQuark kedja_model_error_quark (void);

G_END_DECLS
