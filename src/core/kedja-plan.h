/* kedja-plan.h — a coordinated individual plan (SIP)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kedja-agency.h"
#include "kedja-client.h"
#include "kedja-date.h"
#include "kedja-enums.h"
#include "kedja-records.h"
#include "kedja-step.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_PLAN (kedja_plan_get_type ())

/*
 * A whole plan, with everything in it. Plans are reference counted; the
 * arrays own their records. @agencies holds the directory entries the plan
 * refers to, so a plan can be validated, shown and exported on its own.
 */
typedef struct {
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  char           *id;            /* UUID, stable across exports */
  gint64          revision;      /* 0 until first saved; the store counts it */
  KedjaPlanStatus status;
  char           *title;
  KedjaDate       created;
  KedjaClient    *client;
  char           *own_goal;      /* nullable: in the client's own words */
  KedjaDate       need_recorded; /* when the need was first recorded */
  char           *coordinating_agency_id; /* nullable: huvudansvar */
  char           *coordinator;   /* nullable: the coordinator's name */
  KedjaDate       follow_up;     /* next follow-up */

  GPtrArray *agencies;      /* (element-type KedjaAgency) */
  GPtrArray *participants;  /* (element-type KedjaParticipant) */
  GPtrArray *consents;      /* (element-type KedjaConsent) */
  GPtrArray *goals;         /* (element-type KedjaGoal) */
  GPtrArray *steps;         /* (element-type KedjaStep) */
  GPtrArray *handovers;     /* (element-type KedjaHandover) */
  GPtrArray *meetings;      /* (element-type KedjaMeeting) */
  GPtrArray *ratings;       /* (element-type KedjaRating) */
} KedjaPlan;

GType          kedja_plan_get_type        (void) G_GNUC_CONST;
KedjaPlan     *kedja_plan_new             (const char      *id,
                                           KedjaClient     *client,
                                           const char      *title);
KedjaPlan     *kedja_plan_ref             (KedjaPlan       *plan);
void           kedja_plan_unref           (KedjaPlan       *plan);
KedjaPlan     *kedja_plan_copy            (const KedjaPlan *plan);
gboolean       kedja_plan_equal           (const KedjaPlan *a,
                                           const KedjaPlan *b);

KedjaAgency   *kedja_plan_find_agency     (const KedjaPlan *plan,
                                           const char      *agency_id);
KedjaStep     *kedja_plan_find_step       (const KedjaPlan *plan,
                                           const char      *step_id);
KedjaGoal     *kedja_plan_find_goal       (const KedjaPlan *plan,
                                           const char      *goal_id);
const char    *kedja_plan_get_agency_name (const KedjaPlan *plan,
                                           const char      *agency_id);
/* Adds a copy of @agency unless the plan already holds one with its id. */
void           kedja_plan_add_agency      (KedjaPlan       *plan,
                                           const KedjaAgency *agency);

/* Checks what a plan must be before it is saved or exported: required
 * fields, valid dates and identity number, references that resolve, unique
 * ids, ratings 1–10. The first problem is reported, in words that name the
 * step, goal or agency concerned. */
gboolean       kedja_plan_validate        (const KedjaPlan *plan,
                                           GError         **error);

/* What changed between two versions of a plan, one line per change
 * ("Step “Avgiftning”: planned end 2026-09-10 → 2026-09-12"), for the
 * audit log. Returns an empty string when nothing changed. */
char          *kedja_plan_describe_changes (const KedjaPlan *before,
                                            const KedjaPlan *after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaPlan, kedja_plan_unref)

G_END_DECLS
