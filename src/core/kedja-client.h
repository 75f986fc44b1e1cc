/* kedja-client.h — the person a plan is for (brukare)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KEDJA_TYPE_CLIENT (kedja_client_get_type ())

typedef struct {
  char    *id;                 /* UUID, stable */
  char    *name;
  char    *personal_number;    /* nullable; canonical "YYYYMMDD-NNNN" */
  gboolean protected_identity; /* skyddad identitet: never leaves with name or number */
  char    *district;           /* nullable: stadsdel */
  guint    children_under_18;  /* in the household */
  gboolean relatives_involved;
  gboolean has_own_housing;
} KedjaClient;

GType        kedja_client_get_type (void) G_GNUC_CONST;
KedjaClient *kedja_client_new      (const char        *id,
                                    const char        *name);
KedjaClient *kedja_client_copy     (const KedjaClient *client);
void         kedja_client_free     (KedjaClient       *client);
gboolean     kedja_client_equal    (const KedjaClient *a,
                                    const KedjaClient *b);

/* What any screen, list or printout shows for a client. A protected
 * identity is never shown by name — a projector in a SIP meeting is not a
 * private place — and neither is the district, which tells where the
 * person lives. */
const char  *kedja_client_display_name     (const char        *name,
                                            gboolean           protected_identity);
const char  *kedja_client_display_district (const char        *district,
                                            gboolean           protected_identity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaClient, kedja_client_free)

G_END_DECLS
