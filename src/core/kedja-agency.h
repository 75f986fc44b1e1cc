/* kedja-agency.h — an organisation that takes part in plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kedja-enums.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_AGENCY (kedja_agency_get_type ())

/* An entry of the shared agency directory (huvudman or provider). */
typedef struct {
  char           *id;          /* UUID, stable */
  char           *name;
  KedjaAgencyKind kind;
  char           *hsa_id;      /* nullable */
  char           *org_number;  /* nullable */
  char           *contact;     /* nullable: phone, e-mail, address as text */
} KedjaAgency;

GType        kedja_agency_get_type (void) G_GNUC_CONST;
KedjaAgency *kedja_agency_new      (const char        *id,
                                    const char        *name,
                                    KedjaAgencyKind    kind);
KedjaAgency *kedja_agency_copy     (const KedjaAgency *agency);
void         kedja_agency_free     (KedjaAgency       *agency);
gboolean     kedja_agency_equal    (const KedjaAgency *a,
                                    const KedjaAgency *b);

/* An entry needs an id, a name and one of the kinds of the format. */
gboolean     kedja_agency_validate (const KedjaAgency *agency,
                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaAgency, kedja_agency_free)

G_END_DECLS
