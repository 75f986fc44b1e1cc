/* kedja-plan-summary.h — one row of the plan list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kedja-date.h"
#include "kedja-enums.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_PLAN_SUMMARY (kedja_plan_summary_get_type ())

G_DECLARE_FINAL_TYPE (KedjaPlanSummary, kedja_plan_summary, KEDJA, PLAN_SUMMARY, GObject)

/* What a list of plans shows, without loading each plan: a GObject so that
 * list widgets can hold it in a GListModel. Immutable once made. */
typedef struct {
  const char     *id;
  const char     *title;
  const char     *client_name;
  gboolean        protected_identity;
  const char     *district;         /* nullable */
  KedjaPlanStatus status;
  gint64          revision;
  guint           n_steps;
  KedjaDate       follow_up;        /* NONE when none is set */
} KedjaPlanSummaryFields;

KedjaPlanSummary *kedja_plan_summary_new                    (const KedjaPlanSummaryFields *fields);
const char       *kedja_plan_summary_get_id                 (KedjaPlanSummary *self);
const char       *kedja_plan_summary_get_title              (KedjaPlanSummary *self);
const char       *kedja_plan_summary_get_client_name        (KedjaPlanSummary *self);
gboolean          kedja_plan_summary_get_protected_identity (KedjaPlanSummary *self);
const char       *kedja_plan_summary_get_district           (KedjaPlanSummary *self);
KedjaPlanStatus   kedja_plan_summary_get_status             (KedjaPlanSummary *self);
gint64            kedja_plan_summary_get_revision           (KedjaPlanSummary *self);
guint             kedja_plan_summary_get_n_steps            (KedjaPlanSummary *self);
KedjaDate         kedja_plan_summary_get_follow_up          (KedjaPlanSummary *self);

G_END_DECLS
