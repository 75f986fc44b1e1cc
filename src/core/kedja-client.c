/* kedja-client.c — the person a plan is for (brukare)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-client.h"
#include "kedja-util.h"

G_DEFINE_BOXED_TYPE (KedjaClient, kedja_client, kedja_client_copy, kedja_client_free)

/* @id: (nullable): %NULL gives the client a new UUID */
KedjaClient *
kedja_client_new (const char *id,
                  const char *name)
{
  KedjaClient *client = g_new0 (KedjaClient, 1);

  client->id = id ? g_strdup (id) : g_uuid_string_random ();
  client->name = g_strdup (name);
  return client;
}

KedjaClient *
kedja_client_copy (const KedjaClient *client)
{
  KedjaClient *copy;

  g_return_val_if_fail (client != NULL, NULL);

  copy = g_memdup2 (client, sizeof *client);
  copy->id = g_strdup (client->id);
  copy->name = g_strdup (client->name);
  copy->personal_number = g_strdup (client->personal_number);
  copy->district = g_strdup (client->district);
  return copy;
}

void
kedja_client_free (KedjaClient *client)
{
  if (client == NULL)
    return;
  g_free (client->id);
  g_free (client->name);
  g_free (client->personal_number);
  g_free (client->district);
  g_free (client);
}

gboolean
kedja_client_equal (const KedjaClient *a,
                    const KedjaClient *b)
{
  return g_strcmp0 (a->id, b->id) == 0
         && g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->personal_number, b->personal_number) == 0
         && a->protected_identity == b->protected_identity
         && g_strcmp0 (a->district, b->district) == 0
         && a->children_under_18 == b->children_under_18
         && a->relatives_involved == b->relatives_involved
         && a->has_own_housing == b->has_own_housing;
}

/* Returns: the name, "Protected identity" or "No name" (translated) */
const char *
kedja_client_display_name (const char *name,
                           gboolean    protected_identity)
{
  if (protected_identity)
    return _("Protected identity");
  if (kedja_str_is_blank (name))
    /* A pseudonymised plan from a partner, for statistics. */
    return _("No name");
  return name;
}

/* Returns: (nullable): the district, or %NULL when it must not be shown */
const char *
kedja_client_display_district (const char *district,
                               gboolean    protected_identity)
{
  return protected_identity ? NULL : district;
}
