/* kedja-export-policy.h — what of a plan may leave, and to whom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before a plan is written for someone else it is copied through a policy:
 * pseudonymised for statistics, parts left out that the client's consent
 * excludes, and a protected identity stripped of everything that names the
 * person. The exchange writers then write the copy.
 */
#pragma once

#include <glib.h>

#include "kedja-plan.h"

G_BEGIN_DECLS

/* Parts of a plan a consent's exclusion can name and an export can leave
 * out. Steps of a phase are left out by phase (see omit_phases). */
typedef enum {
  KEDJA_EXPORT_PART_NOTES     = 1 << 0,  /* the steps' notes */
  KEDJA_EXPORT_PART_RATINGS   = 1 << 1,  /* the client's own ratings */
  KEDJA_EXPORT_PART_RELATIVES = 1 << 2,  /* relatives among participants and attendees */
  KEDJA_EXPORT_PART_GOALS     = 1 << 3,  /* the plan's goals (not the own goal) */
  KEDJA_EXPORT_PART_OWN_GOAL  = 1 << 4,
  KEDJA_EXPORT_PART_MEETINGS  = 1 << 5,
} KedjaExportPart;

typedef struct {
  /* No name, identity number or district; ids replaced by stable
   * pseudonyms derived with @pseudonym_key, so the same person gets the
   * same pseudonym in every export from the same database. */
  gboolean      pseudonymise;
  GBytes       *pseudonym_key;
  guint         omit_phases;  /* a bit (1 << KedjaPhase) per phase left out */
  guint         omit_parts;   /* KedjaExportPart bits */
} KedjaExportPolicy;

void       kedja_export_policy_init            (KedjaExportPolicy       *policy);
void       kedja_export_policy_clear           (KedjaExportPolicy       *policy);

/* Reads a consent's exclusion ("nothing about psychiatry or my ratings")
 * and adds the parts it names, in Swedish or English, to the policy.
 * Returns %TRUE when it recognised every part named; otherwise
 * @unrecognised gets the words it could not act on, to tell the user that
 * Kedja cannot leave that out by itself. */
gboolean   kedja_export_policy_add_exclusion   (KedjaExportPolicy       *policy,
                                                const char              *exclusion,
                                                char                   **unrecognised);

/* The plan as it may leave: a new copy, the original untouched. Steps left
 * out take their handovers and goal links with them. */
KedjaPlan *kedja_plan_copy_for_export          (const KedjaPlan         *plan,
                                                const KedjaExportPolicy *policy);

/* The stable pseudonym of an id under @key: a UUID-shaped string that
 * cannot be turned back into the id without the key. */
char      *kedja_pseudonym_for_id              (GBytes                  *key,
                                                const char              *id);

G_END_DECLS
