/* kedja-plan-editor.c — the timeline's edits, saved through the store, with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline only says what the planner did ("this step now runs from …
 * to …"); this object turns that into a new version of the plan and saves
 * it. Commands keep whole plans, before and after: a plan is a few
 * kilobytes, and restoring a whole plan cannot get out of step with the
 * model the way hand-written inverse operations can. GLib only, so the
 * tests drive it without a window.
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <glib/gi18n.h>

#include "kedja-plan-editor.h"

/* An afternoon of edits in one meeting; beyond that the oldest go. */
#define MAX_HISTORY 100

typedef struct {
  KedjaPlan *before;
  KedjaPlan *after;
  char      *description;   /* "Move “Behandlingshem”" */
} Command;

struct _KedjaPlanEditor
{
  GObject     parent_instance;

  KedjaStore *store;
  KedjaPlan  *plan;         /* as the file holds it, or NULL */
  KedjaDate   today;
  GQueue      undo_stack;   /* (element-type Command): newest first */
  GQueue      redo_stack;
};

G_DEFINE_FINAL_TYPE (KedjaPlanEditor, kedja_plan_editor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  APPLIED,
  HISTORY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
command_free (Command *command)
{
  g_clear_pointer (&command->before, kedja_plan_unref);
  g_clear_pointer (&command->after, kedja_plan_unref);
  g_free (command->description);
  g_free (command);
}

/* Says which of undo and redo became possible or impossible, after the
 * stacks may have changed; "history-changed" also covers a new
 * description on a stack that was not empty before. */
static void
notify_history (KedjaPlanEditor *self,
                gboolean         could_undo,
                gboolean         could_redo)
{
  if (could_undo != kedja_plan_editor_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != kedja_plan_editor_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
}

static void
clear_stack (GQueue *stack)
{
  Command *command;

  while ((command = g_queue_pop_head (stack)) != NULL)
    command_free (command);
}

/* Notifies even when @plan is equal to the one shown: after a failed save
 * the timeline must drop the bar it was dragging and show the file's. */
static void
set_plan (KedjaPlanEditor *self,
          KedjaPlan       *plan)
{
  if (plan != NULL)
    kedja_plan_ref (plan);
  g_clear_pointer (&self->plan, kedja_plan_unref);
  self->plan = plan;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static gboolean
check_open (KedjaPlanEditor *self,
            GError         **error)
{
  if (self->plan != NULL && self->store != NULL)
    return TRUE;

  g_set_error_literal (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_MISSING,
                       _("No plan is open."));
  return FALSE;
}

/* After a failed save: show what the file holds now. If someone else saved
 * in between, our history describes a plan that no longer exists, and
 * undoing it would put back their edit's "before" — so it goes. */
static void
reload_after_failure (KedjaPlanEditor *self,
                      const GError    *save_error)
{
  g_autoptr(KedjaPlan) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = g_strdup (self->plan->id);

  g_message ("Could not save the plan %s: %s", plan_id, save_error->message);

  fresh = kedja_store_load_plan (self->store, plan_id, &error);
  if (fresh == NULL || fresh->revision != self->plan->revision)
    kedja_plan_editor_clear_history (self);
  if (fresh == NULL)
    g_message ("Could not reload the plan %s: %s", plan_id, error->message);

  set_plan (self, fresh);
}

/* Saves @content as the next revision of the plan open, whatever revision
 * @content itself was loaded at: the revision checked against the file is
 * the one this editor last saw. */
static gboolean
save_content (KedjaPlanEditor *self,
              const KedjaPlan *content,
              GError         **error)
{
  g_autoptr(KedjaPlan) saving = kedja_plan_copy (content);
  g_autoptr(GError) local_error = NULL;

  saving->revision = self->plan->revision;
  if (!kedja_store_save_plan (self->store, saving, &local_error))
    {
      reload_after_failure (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_plan (self, saving);
  return TRUE;
}

/* Saves @after, an edited copy of the plan open, and puts the edit on the
 * history. */
static gboolean
apply (KedjaPlanEditor *self,
       KedjaPlan       *after,
       const char      *description,
       const char      *message,
       GError         **error)
{
  g_autoptr(KedjaPlan) before = kedja_plan_ref (self->plan);
  gboolean could_undo = kedja_plan_editor_get_can_undo (self);
  gboolean could_redo = kedja_plan_editor_get_can_redo (self);
  Command *command;

  if (kedja_plan_equal (after, self->plan))
    return TRUE;

  if (!save_content (self, after, error))
    {
      notify_history (self, could_undo, could_redo);
      return FALSE;
    }

  command = g_new0 (Command, 1);
  command->before = g_steal_pointer (&before);
  command->after = kedja_plan_ref (self->plan);
  command->description = g_strdup (description);
  g_queue_push_head (&self->undo_stack, command);
  if (self->undo_stack.length > MAX_HISTORY)
    command_free (g_queue_pop_tail (&self->undo_stack));
  /* A new edit starts a new branch: what was undone is gone. */
  clear_stack (&self->redo_stack);

  notify_history (self, could_undo, could_redo);
  g_signal_emit (self, signals[APPLIED], 0, message, FALSE);
  return TRUE;
}

static void
kedja_plan_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KedjaPlanEditor *self = KEDJA_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLAN:
      g_value_set_boxed (value, self->plan);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, kedja_plan_editor_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, kedja_plan_editor_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kedja_plan_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KedjaPlanEditor *self = KEDJA_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kedja_plan_editor_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kedja_plan_editor_dispose (GObject *object)
{
  KedjaPlanEditor *self = KEDJA_PLAN_EDITOR (object);

  clear_stack (&self->undo_stack);
  clear_stack (&self->redo_stack);
  g_clear_pointer (&self->plan, kedja_plan_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kedja_plan_editor_parent_class)->dispose (object);
}

static void
kedja_plan_editor_class_init (KedjaPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kedja_plan_editor_dispose;
  object_class->get_property = kedja_plan_editor_get_property;
  object_class->set_property = kedja_plan_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KEDJA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_boxed ("plan", NULL, NULL,
                        KEDJA_TYPE_PLAN,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KedjaPlanEditor::applied:
   * @message: what changed, in a line for the user
   * @undone: %TRUE when an undo made the change
   */
  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  /**
   * KedjaPlanEditor::history-changed:
   *
   * What undo or redo would do may have changed.
   */
  signals[HISTORY_CHANGED] =
    g_signal_new ("history-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kedja_plan_editor_init (KedjaPlanEditor *self)
{
  self->today = kedja_date_today ();
  g_queue_init (&self->undo_stack);
  g_queue_init (&self->redo_stack);
}

KedjaPlanEditor *
kedja_plan_editor_new (KedjaStore *store)
{
  g_return_val_if_fail (store == NULL || KEDJA_IS_STORE (store), NULL);

  return g_object_new (KEDJA_TYPE_PLAN_EDITOR, "store", store, NULL);
}

void
kedja_plan_editor_set_store (KedjaPlanEditor *self,
                             KedjaStore      *store)
{
  g_return_if_fail (KEDJA_IS_PLAN_EDITOR (self));
  g_return_if_fail (store == NULL || KEDJA_IS_STORE (store));

  if (store == self->store)
    return;

  kedja_plan_editor_close (self);
  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

KedjaStore *
kedja_plan_editor_get_store (KedjaPlanEditor *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), NULL);

  return self->store;
}

void
kedja_plan_editor_set_today (KedjaPlanEditor *self,
                             KedjaDate        today)
{
  g_return_if_fail (KEDJA_IS_PLAN_EDITOR (self));
  g_return_if_fail (today != KEDJA_DATE_NONE);

  self->today = today;
}

KedjaDate
kedja_plan_editor_get_today (KedjaPlanEditor *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), KEDJA_DATE_NONE);

  return self->today;
}

gboolean
kedja_plan_editor_open (KedjaPlanEditor *self,
                        const char      *plan_id,
                        GError         **error)
{
  g_autoptr(KedjaPlan) plan = NULL;

  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (plan_id != NULL, FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  kedja_plan_editor_clear_history (self);
  plan = kedja_store_load_plan (self->store, plan_id, error);
  set_plan (self, plan);
  return plan != NULL;
}

void
kedja_plan_editor_close (KedjaPlanEditor *self)
{
  g_return_if_fail (KEDJA_IS_PLAN_EDITOR (self));

  kedja_plan_editor_clear_history (self);
  if (self->plan != NULL)
    set_plan (self, NULL);
}

KedjaPlan *
kedja_plan_editor_get_plan (KedjaPlanEditor *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), NULL);

  return self->plan;
}

gboolean
kedja_plan_editor_move_step (KedjaPlanEditor *self,
                             const char      *step_id,
                             KedjaDate        start,
                             KedjaDate        end,
                             GError         **error)
{
  g_autoptr(KedjaPlan) after = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  g_autofree char *dates = NULL;
  const KedjaStep *step;
  KedjaDate old_start, old_end;
  gboolean same_length;

  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  step = kedja_plan_find_step (self->plan, step_id);
  if (step == NULL)
    {
      g_set_error_literal (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_DANGLING_REFERENCE,
                           _("The step is no longer in the plan."));
      return FALSE;
    }
  if (start == KEDJA_DATE_NONE || (end != KEDJA_DATE_NONE && end < start))
    {
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_DATE_ORDER,
                   _("“%s” cannot end before it starts."), step->title);
      return FALSE;
    }

  old_start = kedja_step_get_start (step);
  old_end = kedja_step_get_end (step);
  if (start == old_start && end == old_end)
    return TRUE;

  after = kedja_plan_copy (self->plan);
  kedja_step_move (kedja_plan_find_step (after, step_id), start, end);

  /* A drag of the whole bar keeps its length; a drag of one end does not,
   * and people call that something else. */
  same_length = old_start != KEDJA_DATE_NONE
                && (end == KEDJA_DATE_NONE ? old_end == KEDJA_DATE_NONE
                                           : old_end != KEDJA_DATE_NONE
                                             && end - start == old_end - old_start);
  dates = kedja_date_range_to_display (start, end);
  if (same_length)
    {
      /* TRANSLATORS: an edit that can be undone; %s is the step's title */
      description = g_strdup_printf (_("Move “%s”"), step->title);
      /* TRANSLATORS: the step's title and its new dates, "Moved “Behandlingshem” to 3 Sep – 21 Dec" */
      message = g_strdup_printf (_("Moved “%s” to %s"), step->title, dates);
    }
  else
    {
      /* TRANSLATORS: an edit that can be undone; %s is the step's title */
      description = g_strdup_printf (_("Change the dates of “%s”"), step->title);
      /* TRANSLATORS: the step's title and its new dates */
      message = g_strdup_printf (_("“%s” now runs %s"), step->title, dates);
    }

  return apply (self, after, description, message, error);
}

/* The step is given to the plan's coordinating agency: it holds the
 * overall responsibility, so a gap is its to close until someone else
 * agrees to. Naming the sending or the receiving agency instead would put
 * the step on someone who has not taken it on, and naming nobody would
 * only trade the gap for a "no responsible agency" warning. The
 * coordinator is the contact, for the same reason. */
gboolean
kedja_plan_editor_add_bridging_step (KedjaPlanEditor *self,
                                     KedjaPhase       phase,
                                     KedjaDate        start,
                                     KedjaDate        end,
                                     GError         **error)
{
  g_autoptr(KedjaPlan) after = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  g_autofree char *dates = NULL;
  KedjaStep *step;

  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (phase >= KEDJA_PHASE_DETOX && phase < KEDJA_N_PHASES, FALSE);

  if (!check_open (self, error))
    return FALSE;

  /* TRANSLATORS: the title of a step added to close a gap in the chain */
  step = kedja_step_new (NULL, phase, _("Bridging step"));
  if (start == KEDJA_DATE_NONE || (end != KEDJA_DATE_NONE && end < start))
    {
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_DATE_ORDER,
                   _("“%s” cannot end before it starts."), step->title);
      kedja_step_free (step);
      return FALSE;
    }
  step->status = KEDJA_STEP_STATUS_PLANNED;
  step->planned_start = start;
  step->planned_end = end;
  step->agency_id = g_strdup (self->plan->coordinating_agency_id);
  step->contact = g_strdup (self->plan->coordinator);

  dates = kedja_date_range_to_display (start, end);
  /* TRANSLATORS: an edit that can be undone; %s is the new step's title */
  description = g_strdup_printf (_("Add “%s”"), step->title);
  /* TRANSLATORS: the new step's title, its phase and its dates:
   * "Added “Bridging step” to Housing, 11–18 Sep" */
  message = g_strdup_printf (_("Added “%s” to %s, %s"), step->title,
                             kedja_phase_get_label (phase), dates);

  after = kedja_plan_copy (self->plan);
  g_ptr_array_add (after->steps, step);

  return apply (self, after, description, message, error);
}

/* The planner at the screen confirms on the receiving agency's word, so
 * the confirmation carries the planner's name: the audit log says who
 * clicked, this says who vouched. */
static char *
get_confirmer_name (void)
{
  const char *name = g_get_real_name ();

  /* GLib's word for a user without a full name in the password database. */
  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return g_strdup (name);
}

gboolean
kedja_plan_editor_confirm_handover (KedjaPlanEditor *self,
                                    const char      *from_step_id,
                                    const char      *to_step_id,
                                    GError         **error)
{
  g_autoptr(KedjaPlan) after = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  KedjaHandover *handover = NULL;
  const KedjaStep *receiving;

  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (from_step_id != NULL && to_step_id != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  after = kedja_plan_copy (self->plan);
  for (guint i = 0; i < after->handovers->len && handover == NULL; i++)
    {
      KedjaHandover *candidate = g_ptr_array_index (after->handovers, i);

      if (g_strcmp0 (candidate->from_step_id, from_step_id) == 0
          && g_strcmp0 (candidate->to_step_id, to_step_id) == 0)
        handover = candidate;
    }
  receiving = kedja_plan_find_step (after, to_step_id);
  if (handover == NULL || receiving == NULL)
    {
      g_set_error_literal (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_DANGLING_REFERENCE,
                           _("The handover is no longer in the plan."));
      return FALSE;
    }

  /* Whoever confirmed first stays on record. */
  if (handover->confirmed != KEDJA_DATE_NONE)
    return TRUE;

  handover->confirmed = self->today;
  g_free (handover->confirmed_by);
  handover->confirmed_by = get_confirmer_name ();

  /* TRANSLATORS: an edit that can be undone; %s is the receiving step's title */
  description = g_strdup_printf (_("Confirm the handover to “%s”"), receiving->title);
  /* TRANSLATORS: %s is the receiving step's title */
  message = g_strdup_printf (_("Handover to “%s” confirmed"), receiving->title);

  return apply (self, after, description, message, error);
}

/* Moves the newest command of @from to @to, saving its "before" (undo) or
 * "after" (redo) plan. */
static gboolean
step_history (KedjaPlanEditor *self,
              gboolean         undo,
              GError         **error)
{
  GQueue *from = undo ? &self->undo_stack : &self->redo_stack;
  GQueue *to = undo ? &self->redo_stack : &self->undo_stack;
  gboolean could_undo = kedja_plan_editor_get_can_undo (self);
  gboolean could_redo = kedja_plan_editor_get_can_redo (self);
  g_autofree char *message = NULL;
  Command *command;

  if (!check_open (self, error))
    return FALSE;

  command = g_queue_peek_head (from);
  if (command == NULL)
    {
      g_set_error_literal (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_MISSING,
                           undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }

  if (!save_content (self, undo ? command->before : command->after, error))
    {
      notify_history (self, could_undo, could_redo);
      return FALSE;
    }

  g_queue_push_head (to, g_queue_pop_head (from));
  notify_history (self, could_undo, could_redo);

  /* TRANSLATORS: %s says what was undone or redone, "Undone: Move “Behandlingshem”" */
  message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), command->description);
  g_signal_emit (self, signals[APPLIED], 0, message, undo);
  return TRUE;
}

gboolean
kedja_plan_editor_undo (KedjaPlanEditor *self,
                        GError         **error)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), FALSE);

  return step_history (self, TRUE, error);
}

gboolean
kedja_plan_editor_redo (KedjaPlanEditor *self,
                        GError         **error)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), FALSE);

  return step_history (self, FALSE, error);
}

gboolean
kedja_plan_editor_get_can_undo (KedjaPlanEditor *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), FALSE);

  return !g_queue_is_empty (&self->undo_stack);
}

gboolean
kedja_plan_editor_get_can_redo (KedjaPlanEditor *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), FALSE);

  return !g_queue_is_empty (&self->redo_stack);
}

const char *
kedja_plan_editor_get_undo_description (KedjaPlanEditor *self)
{
  Command *command;

  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), NULL);

  command = g_queue_peek_head (&self->undo_stack);
  return command != NULL ? command->description : NULL;
}

const char *
kedja_plan_editor_get_redo_description (KedjaPlanEditor *self)
{
  Command *command;

  g_return_val_if_fail (KEDJA_IS_PLAN_EDITOR (self), NULL);

  command = g_queue_peek_head (&self->redo_stack);
  return command != NULL ? command->description : NULL;
}

void
kedja_plan_editor_clear_history (KedjaPlanEditor *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (KEDJA_IS_PLAN_EDITOR (self));

  could_undo = kedja_plan_editor_get_can_undo (self);
  could_redo = kedja_plan_editor_get_can_redo (self);
  clear_stack (&self->undo_stack);
  clear_stack (&self->redo_stack);
  notify_history (self, could_undo, could_redo);
}
