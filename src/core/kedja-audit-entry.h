/* kedja-audit-entry.h — one line of the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KEDJA_TYPE_AUDIT_ENTRY (kedja_audit_entry_get_type ())

/* Who did what to which record, and when; every export too (what, to whom,
 * in which format). */
typedef struct {
  gint64 id;
  char  *at;         /* UTC, "YYYY-MM-DDThh:mm:ssZ" */
  char  *user;       /* the OS user */
  char  *action;     /* "create", "update", "delete", "export", … */
  char  *entity;     /* "plan", "agency", "settings", … */
  char  *entity_id;  /* nullable */
  char  *detail;     /* nullable: before → after, one change a line */
} KedjaAuditEntry;

GType            kedja_audit_entry_get_type (void) G_GNUC_CONST;
KedjaAuditEntry *kedja_audit_entry_copy     (const KedjaAuditEntry *entry);
void             kedja_audit_entry_free     (KedjaAuditEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaAuditEntry, kedja_audit_entry_free)

G_END_DECLS
