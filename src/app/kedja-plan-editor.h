/* kedja-plan-editor.h — the timeline's edits, saved through the store, with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kedja-core.h"
#include "kedja-store.h"

G_BEGIN_DECLS

#define KEDJA_TYPE_PLAN_EDITOR (kedja_plan_editor_get_type ())

G_DECLARE_FINAL_TYPE (KedjaPlanEditor, kedja_plan_editor, KEDJA, PLAN_EDITOR, GObject)

/*
 * The plan being edited and its history. Every command is one save of the
 * whole plan (one transaction, one revision, one audit entry); undo and
 * redo are commands too, saving the plan as it was before or after, so the
 * file's history only ever grows.
 *
 * When a save fails the editor reloads the plan from the store, so what is
 * shown is what the file holds: after a conflict that is the other
 * person's version, and the history is forgotten, since undoing would now
 * overwrite their edit.
 *
 * Properties: "plan" (the plan as saved, or %NULL), "can-undo", "can-redo".
 * Signal "applied" (message, undone): a command changed the plan; @message
 * says what in a line for a toast, @undone is TRUE after an undo. Signal
 * "history-changed": what undo or redo would do may have changed.
 */

KedjaPlanEditor *kedja_plan_editor_new                  (KedjaStore      *store);

/* Another database: the plan is closed and the history forgotten. */
void             kedja_plan_editor_set_store            (KedjaPlanEditor *self,
                                                         KedjaStore      *store);
KedjaStore      *kedja_plan_editor_get_store            (KedjaPlanEditor *self);

/* The day a handover confirmation is dated; the system's today by default. */
void             kedja_plan_editor_set_today            (KedjaPlanEditor *self,
                                                         KedjaDate        today);
KedjaDate        kedja_plan_editor_get_today            (KedjaPlanEditor *self);

/* Loads @plan_id and forgets the history of the plan before. On failure no
 * plan is open. */
gboolean         kedja_plan_editor_open                 (KedjaPlanEditor *self,
                                                         const char      *plan_id,
                                                         GError         **error);
void             kedja_plan_editor_close                (KedjaPlanEditor *self);
KedjaPlan       *kedja_plan_editor_get_plan             (KedjaPlanEditor *self);

/* The commands. Each returns %FALSE with the reason when nothing could be
 * saved; the plan has then been reloaded from the store. A command that
 * would change nothing returns %TRUE and leaves no trace. */
gboolean         kedja_plan_editor_move_step            (KedjaPlanEditor *self,
                                                         const char      *step_id,
                                                         KedjaDate        start,
                                                         KedjaDate        end,
                                                         GError         **error);
gboolean         kedja_plan_editor_add_bridging_step    (KedjaPlanEditor *self,
                                                         KedjaPhase       phase,
                                                         KedjaDate        start,
                                                         KedjaDate        end,
                                                         GError         **error);
gboolean         kedja_plan_editor_confirm_handover     (KedjaPlanEditor *self,
                                                         const char      *from_step_id,
                                                         const char      *to_step_id,
                                                         GError         **error);

gboolean         kedja_plan_editor_undo                 (KedjaPlanEditor *self,
                                                         GError         **error);
gboolean         kedja_plan_editor_redo                 (KedjaPlanEditor *self,
                                                         GError         **error);
gboolean         kedja_plan_editor_get_can_undo         (KedjaPlanEditor *self);
gboolean         kedja_plan_editor_get_can_redo         (KedjaPlanEditor *self);
/* What undo or redo would do, "Move “Behandlingshem”", or %NULL. */
const char      *kedja_plan_editor_get_undo_description (KedjaPlanEditor *self);
const char      *kedja_plan_editor_get_redo_description (KedjaPlanEditor *self);
void             kedja_plan_editor_clear_history        (KedjaPlanEditor *self);

G_END_DECLS
