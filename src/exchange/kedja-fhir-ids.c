/* kedja-fhir-ids.c — stable ids for the resources of a plan's Bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same plan must give the same Bundle, and a partner that receives a
 * new revision must find the resources it already has. So where the model
 * has a UUID, it is the id; where it has a document-local id (a SIP file
 * from elsewhere names agencies "a1") or none at all (the care team, the
 * own goal, consents), the id is a name-based UUID (RFC 4122 version 5,
 * SHA-1) in the plan's UUID as namespace. Either way it is a valid FHIR id
 * ([A-Za-z0-9\-\.]{1,64}) and, prefixed with urn:uuid:, a fullUrl.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include "kedja-fhir-private.h"

struct _KedjaFhirIds {
  const KedjaPlan *plan;
  GHashTable      *ids;       /* "kind/model id" → UUID (borrowed from @taken) */
  GHashTable      *taken;     /* every UUID handed out */
  GPtrArray       *consents;  /* (element-type utf8): by index in plan->consents */
};

char *
_kedja_fhir_derive_uuid (const char *namespace_uuid,
                         const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 namespace[16] = { 0 }, d[20];
  gsize length = sizeof d;
  guint n = 0;

  g_return_val_if_fail (g_uuid_string_is_valid (namespace_uuid), NULL);

  for (const char *p = namespace_uuid; *p != '\0'; p++)
    if (g_ascii_isxdigit (*p))
      {
        namespace[n / 2] |= g_ascii_xdigit_value (*p) << (n % 2 == 0 ? 4 : 0);
        n++;
      }

  g_checksum_update (sha1, namespace, sizeof namespace);
  g_checksum_update (sha1, (const guchar *) name, -1);
  g_checksum_get_digest (sha1, d, &length);
  d[6] = (d[6] & 0x0f) | 0x50;  /* version 5 */
  d[8] = (d[8] & 0x3f) | 0x80;  /* the RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7],
                          d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15]);
}

/* @kind keeps apart a goal and a step that a SIP document happens to give
 * the same local id. */
static const char *
assign (KedjaFhirIds *self,
        const char   *kind,
        const char   *model_id)
{
  g_autofree char *key = g_strconcat (kind, "/", model_id, NULL);
  char *uuid = g_hash_table_lookup (self->ids, key);

  if (uuid != NULL)
    return uuid;

  if (g_uuid_string_is_valid (model_id))
    uuid = g_ascii_strdown (model_id, -1);
  else
    uuid = _kedja_fhir_derive_uuid (self->plan->id, key);

  /* Two records of different kinds with one UUID would make two entries
   * with one fullUrl: the later one gets a derived id instead. */
  for (guint n = 2; g_hash_table_contains (self->taken, uuid); n++)
    {
      g_autofree char *again = g_strdup_printf ("%s#%u", key, n);

      g_free (uuid);
      uuid = _kedja_fhir_derive_uuid (self->plan->id, again);
    }

  g_hash_table_add (self->taken, uuid);
  g_hash_table_insert (self->ids, g_steal_pointer (&key), uuid);
  return uuid;
}

/* A consent has no id of its own; it is known by its agency, the day it
 * was given and, for the rare second one of the same day, its rank. */
static char *
consent_name (const KedjaPlan *plan,
              guint            index)
{
  const KedjaConsent *consent = g_ptr_array_index (plan->consents, index);
  char given[KEDJA_DATE_STRLEN];
  guint rank = 0;

  for (guint i = 0; i < index; i++)
    {
      const KedjaConsent *other = g_ptr_array_index (plan->consents, i);

      if (other->given == consent->given && g_strcmp0 (other->agency_id, consent->agency_id) == 0)
        rank++;
    }
  kedja_date_format (consent->given, given);
  return g_strdup_printf ("%s/%s/%u", consent->agency_id, given, rank);
}

/* All ids are handed out at once, in one fixed order, so which record
 * gets a derived id on a clash never depends on the order of writing. */
KedjaFhirIds *
_kedja_fhir_ids_new (const KedjaPlan *plan)
{
  KedjaFhirIds *self;

  g_return_val_if_fail (g_uuid_string_is_valid (plan->id), NULL);

  self = g_new0 (KedjaFhirIds, 1);
  self->plan = plan;
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->consents = g_ptr_array_new ();

  assign (self, "plan", plan->id);
  assign (self, "client", plan->client->id);
  for (guint i = 0; i < plan->agencies->len; i++)
    assign (self, "agency", ((KedjaAgency *) g_ptr_array_index (plan->agencies, i))->id);
  for (guint i = 0; i < plan->goals->len; i++)
    assign (self, "goal", ((KedjaGoal *) g_ptr_array_index (plan->goals, i))->id);
  for (guint i = 0; i < plan->steps->len; i++)
    assign (self, "step", ((KedjaStep *) g_ptr_array_index (plan->steps, i))->id);
  assign (self, "care-team", "");
  assign (self, "own-goal", "");
  for (guint i = 0; i < plan->consents->len; i++)
    {
      g_autofree char *name = consent_name (plan, i);

      g_ptr_array_add (self->consents, (gpointer) assign (self, "consent", name));
    }
  return self;
}

void
_kedja_fhir_ids_free (KedjaFhirIds *self)
{
  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->taken);
  g_ptr_array_unref (self->consents);
  g_free (self);
}

const char *
_kedja_fhir_ids_get (KedjaFhirIds *self,
                     const char   *kind,
                     const char   *model_id)
{
  g_autofree char *key = g_strconcat (kind, "/", model_id, NULL);
  const char *uuid = g_hash_table_lookup (self->ids, key);

  /* The writer only names records of the plan, which are all here. */
  g_assert (uuid != NULL);
  return uuid;
}

const char *
_kedja_fhir_ids_consent (KedjaFhirIds *self,
                         guint         index)
{
  g_assert (index < self->consents->len);
  return g_ptr_array_index (self->consents, index);
}
