/* kedja-plan-validate.c — what a plan must be before it is kept or sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-error.h"
#include "kedja-identity.h"
#include "kedja-plan.h"
#include "kedja-util.h"

static gboolean
fail (GError     **error,
      KedjaModelError code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError        **error,
      KedjaModelError code,
      const char     *format,
      ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (KEDJA_MODEL_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

/* The ids seen so far, by kind: references are looked up here, so that a
 * plan with thousands of records (a hostile file, say) is checked in
 * linear time. */
typedef struct {
  const KedjaPlan *plan;
  GHashTable      *agencies;
  GHashTable      *goals;
  GHashTable      *steps;
} Validation;

static gboolean
check_order (KedjaDate   start,
             KedjaDate   end,
             const char *what,
             GError    **error)
{
  char s[KEDJA_DATE_STRLEN], e[KEDJA_DATE_STRLEN];

  if (start == KEDJA_DATE_NONE || end == KEDJA_DATE_NONE || end >= start)
    return TRUE;

  kedja_date_format (start, s);
  kedja_date_format (end, e);
  /* TRANSLATORS: the first %s names the thing: Step “Avgiftning” */
  return fail (error, KEDJA_MODEL_ERROR_DATE_ORDER,
               _("%s ends (%s) before it starts (%s)"), what, e, s);
}

/* @agency_id may be absent; when given, the plan must hold it. */
static gboolean
check_agency_ref (const Validation *v,
                  const char       *agency_id,
                  const char       *what,
                  GError          **error)
{
  if (agency_id == NULL || g_hash_table_contains (v->agencies, agency_id))
    return TRUE;
  return fail (error, KEDJA_MODEL_ERROR_DANGLING_REFERENCE,
               _("%s refers to an agency (%s) that is not in the plan"), what, agency_id);
}

static gboolean
check_unique (GHashTable *seen,
              const char *id,
              const char *what,
              GError    **error)
{
  if (kedja_str_is_blank (id))
    return fail (error, KEDJA_MODEL_ERROR_MISSING, _("%s has no id"), what);
  if (!g_hash_table_add (seen, (gpointer) id))
    return fail (error, KEDJA_MODEL_ERROR_DUPLICATE_ID,
                 _("%s has the id %s, which is used twice in the plan"), what, id);
  return TRUE;
}

static gboolean
validate_client (const KedjaClient *client,
                 GError           **error)
{
  if (client == NULL || !g_uuid_string_is_valid (client->id ? client->id : ""))
    return fail (error, KEDJA_MODEL_ERROR_MISSING, _("The client has no valid id (a UUID)"));
  /* No name is required: partners send protected identities and
   * pseudonymised plans without one. */
  if (client->personal_number != NULL
      && !kedja_personal_number_validate (client->personal_number, error))
    return FALSE;
  return TRUE;
}

static gboolean
validate_agencies (Validation *v,
                   GError    **error)
{
  const KedjaPlan *plan = v->plan;

  for (guint i = 0; i < plan->agencies->len; i++)
    {
      KedjaAgency *agency = g_ptr_array_index (plan->agencies, i);

      if (!kedja_agency_validate (agency, error))
        return FALSE;
      g_autofree char *what = g_strdup_printf (_("Agency “%s”"), agency->name);
      if (!check_unique (v->agencies, agency->id, what, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_people (const Validation *v,
                 GError          **error)
{
  const KedjaPlan *plan = v->plan;

  for (guint i = 0; i < plan->participants->len; i++)
    {
      KedjaParticipant *p = g_ptr_array_index (plan->participants, i);
      g_autofree char *what = g_strdup_printf (_("Participant number %u"), i + 1);

      if (!check_agency_ref (v, p->agency_id, what, error))
        return FALSE;
    }

  for (guint i = 0; i < plan->meetings->len; i++)
    {
      KedjaMeeting *meeting = g_ptr_array_index (plan->meetings, i);
      g_autofree char *what = g_strdup_printf (_("SIP meeting number %u"), i + 1);

      if (meeting->date == KEDJA_DATE_NONE)
        return fail (error, KEDJA_MODEL_ERROR_MISSING, _("%s has no date"), what);
      for (guint j = 0; j < meeting->attendees->len; j++)
        {
          KedjaParticipant *p = g_ptr_array_index (meeting->attendees, j);
          if (!check_agency_ref (v, p->agency_id, what, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
validate_consents (const Validation *v,
                   GError          **error)
{
  const KedjaPlan *plan = v->plan;

  for (guint i = 0; i < plan->consents->len; i++)
    {
      KedjaConsent *consent = g_ptr_array_index (plan->consents, i);
      const char *agency = kedja_plan_get_agency_name (plan, consent->agency_id);
      g_autofree char *what = g_strdup_printf (_("The consent for “%s”"), agency);

      if (consent->agency_id == NULL)
        return fail (error, KEDJA_MODEL_ERROR_MISSING,
                     _("Consent number %u names no agency"), i + 1);
      if (!check_agency_ref (v, consent->agency_id, what, error))
        return FALSE;
      if (consent->given == KEDJA_DATE_NONE)
        return fail (error, KEDJA_MODEL_ERROR_MISSING, _("%s has no date given"), what);
      if (!check_order (consent->given, consent->expires, what, error)
          || !check_order (consent->given, consent->withdrawn, what, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_goals (Validation *v,
                GError    **error)
{
  const KedjaPlan *plan = v->plan;

  for (guint i = 0; i < plan->goals->len; i++)
    {
      KedjaGoal *goal = g_ptr_array_index (plan->goals, i);
      g_autofree char *what = g_strdup_printf (_("Goal number %u"), i + 1);

      if (!check_unique (v->goals, goal->id, what, error))
        return FALSE;
      if (kedja_str_is_blank (goal->statement))
        return fail (error, KEDJA_MODEL_ERROR_MISSING, _("%s has no text"), what);
    }
  return TRUE;
}

static gboolean
validate_step (const Validation *v,
               const KedjaStep  *step,
               guint             position,
               GError          **error)
{
  g_autofree char *what = NULL;

  if (kedja_str_is_blank (step->title))
    return fail (error, KEDJA_MODEL_ERROR_MISSING, _("Step number %u has no title"), position);

  what = g_strdup_printf (_("Step “%s”"), step->title);
  if (step->planned_start == KEDJA_DATE_NONE)
    return fail (error, KEDJA_MODEL_ERROR_MISSING, _("%s has no planned start"), what);
  if (!check_order (step->planned_start, step->planned_end, what, error)
      || !check_order (step->actual_start, step->actual_end, what, error)
      || !check_order (kedja_step_get_start (step), kedja_step_get_end (step), what, error))
    return FALSE;
  if (step->setting != KEDJA_CARE_SETTING_NONE
      && step->phase != KEDJA_PHASE_DETOX && step->phase != KEDJA_PHASE_TREATMENT)
    return fail (error, KEDJA_MODEL_ERROR_INVALID_VALUE,
                 _("%s is not detox or treatment, so it cannot be inpatient or outpatient"),
                 what);
  if (!check_agency_ref (v, step->agency_id, what, error))
    return FALSE;

  for (guint i = 0; i < step->goal_ids->len; i++)
    {
      const char *goal_id = g_ptr_array_index (step->goal_ids, i);
      if (!g_hash_table_contains (v->goals, goal_id))
        return fail (error, KEDJA_MODEL_ERROR_DANGLING_REFERENCE,
                     _("%s refers to a goal (%s) that is not in the plan"), what, goal_id);
    }
  return TRUE;
}

static gboolean
validate_steps (Validation *v,
                GError    **error)
{
  const KedjaPlan *plan = v->plan;

  for (guint i = 0; i < plan->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i);

      if (!validate_step (v, step, i + 1, error))
        return FALSE;

      g_autofree char *what = g_strdup_printf (_("Step “%s”"), step->title);
      if (!check_unique (v->steps, step->id, what, error))
        return FALSE;
    }

  for (guint i = 0; i < plan->handovers->len; i++)
    {
      KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);
      g_autofree char *what = g_strdup_printf (_("Handover number %u"), i + 1);

      if (handover->from_step_id == NULL || handover->to_step_id == NULL
          || !g_hash_table_contains (v->steps, handover->from_step_id)
          || !g_hash_table_contains (v->steps, handover->to_step_id))
        return fail (error, KEDJA_MODEL_ERROR_DANGLING_REFERENCE,
                     _("%s refers to a step that is not in the plan"), what);
      if (g_str_equal (handover->from_step_id, handover->to_step_id))
        return fail (error, KEDJA_MODEL_ERROR_INVALID_VALUE,
                     _("%s hands a step over to itself"), what);
      if (handover->planned == KEDJA_DATE_NONE)
        return fail (error, KEDJA_MODEL_ERROR_MISSING, _("%s has no planned date"), what);
    }
  return TRUE;
}

static gboolean
validate_ratings (const KedjaPlan *plan,
                  GError         **error)
{
  for (guint i = 0; i < plan->ratings->len; i++)
    {
      KedjaRating *rating = g_ptr_array_index (plan->ratings, i);

      if (rating->date == KEDJA_DATE_NONE)
        return fail (error, KEDJA_MODEL_ERROR_MISSING,
                     _("Rating number %u has no date"), i + 1);
      if (rating->value < 1 || rating->value > 10)
        return fail (error, KEDJA_MODEL_ERROR_OUT_OF_RANGE,
                     _("Rating number %u is %u; a rating is from 1 to 10"),
                     i + 1, rating->value);
    }
  return TRUE;
}

gboolean
kedja_plan_validate (const KedjaPlan *plan,
                     GError         **error)
{
  Validation v;
  gboolean valid;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (plan->id == NULL || !g_uuid_string_is_valid (plan->id))
    return fail (error, KEDJA_MODEL_ERROR_MISSING, _("The plan has no valid id (a UUID)"));
  if (kedja_str_is_blank (plan->title))
    return fail (error, KEDJA_MODEL_ERROR_MISSING, _("The plan has no title"));
  if (plan->created == KEDJA_DATE_NONE)
    return fail (error, KEDJA_MODEL_ERROR_MISSING, _("The plan has no creation date"));

  v.plan = plan;
  v.agencies = g_hash_table_new (g_str_hash, g_str_equal);
  v.goals = g_hash_table_new (g_str_hash, g_str_equal);
  v.steps = g_hash_table_new (g_str_hash, g_str_equal);
  valid = validate_client (plan->client, error)
          && validate_agencies (&v, error)
          && check_agency_ref (&v, plan->coordinating_agency_id,
                               _("The coordinating responsibility"), error)
          && validate_people (&v, error)
          && validate_consents (&v, error)
          && validate_goals (&v, error)
          && validate_steps (&v, error)
          && validate_ratings (plan, error);
  g_hash_table_unref (v.agencies);
  g_hash_table_unref (v.goals);
  g_hash_table_unref (v.steps);
  return valid;
}
