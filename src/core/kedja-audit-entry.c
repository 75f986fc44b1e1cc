/* kedja-audit-entry.c — one line of the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kedja-audit-entry.h"

G_DEFINE_BOXED_TYPE (KedjaAuditEntry, kedja_audit_entry, kedja_audit_entry_copy,
                     kedja_audit_entry_free)

KedjaAuditEntry *
kedja_audit_entry_copy (const KedjaAuditEntry *entry)
{
  KedjaAuditEntry *copy = g_new0 (KedjaAuditEntry, 1);

  copy->id = entry->id;
  copy->at = g_strdup (entry->at);
  copy->user = g_strdup (entry->user);
  copy->action = g_strdup (entry->action);
  copy->entity = g_strdup (entry->entity);
  copy->entity_id = g_strdup (entry->entity_id);
  copy->detail = g_strdup (entry->detail);
  return copy;
}

void
kedja_audit_entry_free (KedjaAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->detail);
  g_free (entry);
}
