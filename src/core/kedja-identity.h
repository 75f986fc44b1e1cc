/* kedja-identity.h — Swedish personal identity and coordination numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kedja-date.h"

G_BEGIN_DECLS

/* Accepts what people type — "YYYYMMDD-NNNN", "YYYYMMDD+NNNN",
 * "YYYYMMDDNNNN", "YYMMDD-NNNN", "YYMMDD+NNNN", "YYMMDDNNNN" — and gives the
 * canonical 12-digit form "YYYYMMDD-NNNN". A 10-digit number gets the century
 * that makes the person younger than 100 on @today, or 100 years older with
 * "+". Refuses an impossible date and a wrong check digit. */
gboolean  kedja_personal_number_normalise (const char *input,
                                           KedjaDate   today,
                                           char      **out_canonical,
                                           GError    **error);
/* Checks a number in the canonical form. */
gboolean  kedja_personal_number_validate  (const char *canonical,
                                           GError    **error);
/* A samordningsnummer: day of birth + 60. */
gboolean  kedja_personal_number_is_coordination (const char *canonical);
KedjaDate kedja_personal_number_get_birth_date  (const char *canonical);

G_END_DECLS
