/* kedja-step.h — one intervention (insats) in a care chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kedja-date.h"
#include "kedja-enums.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_STEP (kedja_step_get_type ())

typedef struct {
  /* What the gap analysis reads of every step comes first, so that it
   * shares a cache line: a city's steps do not fit in the caches. */
  char            *id;            /* UUID, stable */
  KedjaPhase       phase;         /* the lane */
  KedjaStepStatus  status;
  KedjaCareSetting setting;       /* for detox and treatment */
  KedjaDate        planned_start;
  KedjaDate        planned_end;   /* NONE: open-ended */
  KedjaDate        actual_start;  /* NONE: not started (or not recorded) */
  KedjaDate        actual_end;
  char            *agency_id;     /* nullable: the responsible agency */
  char            *title;
  char            *contact;       /* nullable: contact person */
  char            *code;          /* nullable: KSI or KVÅ intervention code */
  GPtrArray       *goal_ids;      /* (element-type utf8): linked goals */
  char            *note;          /* nullable */
} KedjaStep;

GType      kedja_step_get_type  (void) G_GNUC_CONST;
KedjaStep *kedja_step_new       (const char      *id,
                                 KedjaPhase       phase,
                                 const char      *title);
KedjaStep *kedja_step_copy      (const KedjaStep *step);
void       kedja_step_free      (KedjaStep       *step);
gboolean   kedja_step_equal     (const KedjaStep *a,
                                 const KedjaStep *b);

/* The dates every rule uses: actual where given, else planned. Both are
 * inclusive; an end of NONE means the step runs on. */
KedjaDate  kedja_step_get_start (const KedjaStep *step);
KedjaDate  kedja_step_get_end   (const KedjaStep *step);

/* Gives the step the dates @start to @end (inclusive; @end NONE: runs on)
 * as people see them: a step that has begun keeps its history in its
 * actual dates, one that has not is moved in its planned dates. Used for
 * the timeline's drags, by the widget to preview and by the app to save. */
void       kedja_step_move      (KedjaStep       *step,
                                 KedjaDate        start,
                                 KedjaDate        end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaStep, kedja_step_free)

G_END_DECLS
