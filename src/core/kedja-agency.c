/* kedja-agency.c — an organisation that takes part in plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-agency.h"
#include "kedja-enum-types.h"
#include "kedja-error.h"
#include "kedja-util.h"

G_DEFINE_BOXED_TYPE (KedjaAgency, kedja_agency, kedja_agency_copy, kedja_agency_free)

/* @id: (nullable): %NULL gives the agency a new UUID */
KedjaAgency *
kedja_agency_new (const char      *id,
                  const char      *name,
                  KedjaAgencyKind  kind)
{
  KedjaAgency *agency = g_new0 (KedjaAgency, 1);

  agency->id = id ? g_strdup (id) : g_uuid_string_random ();
  agency->name = g_strdup (name);
  agency->kind = kind;
  return agency;
}

KedjaAgency *
kedja_agency_copy (const KedjaAgency *agency)
{
  KedjaAgency *copy;

  g_return_val_if_fail (agency != NULL, NULL);

  copy = g_new0 (KedjaAgency, 1);
  copy->id = g_strdup (agency->id);
  copy->name = g_strdup (agency->name);
  copy->kind = agency->kind;
  copy->hsa_id = g_strdup (agency->hsa_id);
  copy->org_number = g_strdup (agency->org_number);
  copy->contact = g_strdup (agency->contact);
  return copy;
}

void
kedja_agency_free (KedjaAgency *agency)
{
  if (agency == NULL)
    return;
  g_free (agency->id);
  g_free (agency->name);
  g_free (agency->hsa_id);
  g_free (agency->org_number);
  g_free (agency->contact);
  g_free (agency);
}

gboolean
kedja_agency_equal (const KedjaAgency *a,
                    const KedjaAgency *b)
{
  return g_strcmp0 (a->id, b->id) == 0
         && g_strcmp0 (a->name, b->name) == 0
         && a->kind == b->kind
         && g_strcmp0 (a->hsa_id, b->hsa_id) == 0
         && g_strcmp0 (a->org_number, b->org_number) == 0
         && g_strcmp0 (a->contact, b->contact) == 0;
}

gboolean
kedja_agency_validate (const KedjaAgency *agency,
                       GError           **error)
{
  g_return_val_if_fail (agency != NULL, FALSE);

  if (kedja_str_is_blank (agency->name))
    {
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_MISSING,
                   _("An agency has no name"));
      return FALSE;
    }
  if (kedja_str_is_blank (agency->id))
    {
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_MISSING,
                   _("The agency “%s” has no id"), agency->name);
      return FALSE;
    }
  if (kedja_enum_to_nick (KEDJA_TYPE_AGENCY_KIND, agency->kind) == NULL)
    {
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_VALUE,
                   _("The agency “%s” has no valid kind"), agency->name);
      return FALSE;
    }
  return TRUE;
}
