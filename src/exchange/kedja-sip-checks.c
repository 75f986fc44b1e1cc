/* kedja-sip-checks.c — what the SIP schema cannot say, checked on each plan read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ids unique within their plan, references that resolve, ends not before
 * starts, identity numbers with a right check digit — each problem named
 * by the line of the file it is on, which the model's own validation
 * (kedja_plan_validate(), the last net) cannot do. Lookups go through hash
 * tables: a hostile plan with a hundred thousand steps must not take
 * quadratic time here.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-sip-reader-private.h"

typedef enum {
  ID_AGENCY,
  ID_GOAL,
  ID_STEP,
} IdKind;

typedef struct {
  KedjaSipReading *reading;
  GHashTable      *agencies;  /* id → record */
  GHashTable      *goals;
  GHashTable      *steps;
} Checks;

static int
line_of (Checks       *checks,
         gconstpointer key)
{
  int line = GPOINTER_TO_INT (g_hash_table_lookup (checks->reading->lines, key));

  return line > 0 ? line : checks->reading->plan_line;
}

/* Returns %FALSE when reading must stop. */
static gboolean
problem (Checks       *checks,
         gconstpointer key,
         const char   *what)
{
  g_autofree char *where = _kedja_sip_reading_where (checks->reading, line_of (checks, key));

  return _kedja_sip_reading_add (checks->reading, KEDJA_EXCHANGE_ERROR_INVALID,
                                 g_strdup_printf ("%s: %s", where, what));
}

static gboolean
collect_id (Checks     *checks,
            GHashTable *seen,
            const char *id,
            gpointer    record,
            IdKind      kind)
{
  g_autofree char *what = NULL;
  gpointer first;

  if (!g_hash_table_lookup_extended (seen, id, NULL, &first))
    {
      g_hash_table_insert (seen, (gpointer) id, record);
      return TRUE;
    }

  switch (kind)
    {
    case ID_AGENCY:
      what = g_strdup_printf (_("the agency id “%s” is used twice in the plan (first on "
                                "line %d)"),
                              id, line_of (checks, first));
      break;
    case ID_GOAL:
      what = g_strdup_printf (_("the goal id “%s” is used twice in the plan (first on "
                                "line %d)"),
                              id, line_of (checks, first));
      break;
    case ID_STEP:
    default:
      what = g_strdup_printf (_("the step id “%s” is used twice in the plan (first on "
                                "line %d)"),
                              id, line_of (checks, first));
      break;
    }
  return problem (checks, record, what);
}

static gboolean
collect_ids (Checks *checks)
{
  KedjaPlan *plan = checks->reading->plan;

  for (guint i = 0; i < plan->agencies->len; i++)
    {
      KedjaAgency *agency = g_ptr_array_index (plan->agencies, i);

      if (!collect_id (checks, checks->agencies, agency->id, agency, ID_AGENCY))
        return FALSE;
    }
  for (guint i = 0; i < plan->goals->len; i++)
    {
      KedjaGoal *goal = g_ptr_array_index (plan->goals, i);

      if (!collect_id (checks, checks->goals, goal->id, goal, ID_GOAL))
        return FALSE;
    }
  for (guint i = 0; i < plan->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i);

      if (!collect_id (checks, checks->steps, step->id, step, ID_STEP))
        return FALSE;
    }
  return TRUE;
}

/* @agency_id may be absent; when given, the plan must list it. */
static gboolean
check_agency (Checks       *checks,
              const char   *element,
              const char   *agency_id,
              gconstpointer key)
{
  g_autofree char *what = NULL;

  if (agency_id == NULL || g_hash_table_contains (checks->agencies, agency_id))
    return TRUE;
  /* TRANSLATORS: <step agency="x"> is as written in the file */
  what = g_strdup_printf (_("<%s agency=\"%s\"> names an agency that is not among the plan’s "
                            "agencies"),
                          element, agency_id);
  return problem (checks, key, what);
}

static gboolean
check_people (Checks     *checks,
              GPtrArray  *people,
              const char *element)
{
  for (guint i = 0; i < people->len; i++)
    {
      KedjaParticipant *person = g_ptr_array_index (people, i);

      if (!check_agency (checks, element, person->agency_id, person))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_step_refs (Checks    *checks,
                 KedjaStep *step)
{
  if (!check_agency (checks, "step", step->agency_id, step))
    return FALSE;

  for (guint i = 0; i < step->goal_ids->len; i++)
    {
      const char *goal_id = g_ptr_array_index (step->goal_ids, i);
      g_autofree char *what = NULL;

      if (g_hash_table_contains (checks->goals, goal_id))
        continue;
      what = g_strdup_printf (_("<goal-ref goal=\"%s\"> names a goal that is not among the "
                                "plan’s goals"),
                              goal_id);
      if (!problem (checks, goal_id, what))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_handover_step (Checks        *checks,
                     KedjaHandover *handover,
                     const char    *attribute,
                     const char    *step_id)
{
  g_autofree char *what = NULL;

  if (g_hash_table_contains (checks->steps, step_id))
    return TRUE;
  what = g_strdup_printf (_("<handover %s=\"%s\"> names a step that is not among the plan’s "
                            "steps"),
                          attribute, step_id);
  return problem (checks, handover, what);
}

static gboolean
check_references (Checks *checks)
{
  KedjaPlan *plan = checks->reading->plan;

  if (!check_agency (checks, "coordination", plan->coordinating_agency_id,
                     &plan->coordinating_agency_id)
      || !check_people (checks, plan->participants, "participant"))
    return FALSE;

  for (guint i = 0; i < plan->consents->len; i++)
    {
      KedjaConsent *consent = g_ptr_array_index (plan->consents, i);

      if (!check_agency (checks, "consent", consent->agency_id, consent))
        return FALSE;
    }
  for (guint i = 0; i < plan->steps->len; i++)
    if (!check_step_refs (checks, g_ptr_array_index (plan->steps, i)))
      return FALSE;
  for (guint i = 0; i < plan->handovers->len; i++)
    {
      KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);

      if (!check_handover_step (checks, handover, "from", handover->from_step_id)
          || !check_handover_step (checks, handover, "to", handover->to_step_id))
        return FALSE;
    }
  for (guint i = 0; i < plan->meetings->len; i++)
    {
      KedjaMeeting *meeting = g_ptr_array_index (plan->meetings, i);

      if (!check_people (checks, meeting->attendees, "attendee"))
        return FALSE;
    }
  return TRUE;
}

typedef enum {
  ORDER_PLANNED,
  ORDER_ACTUAL,
  ORDER_EXPIRES,
  ORDER_WITHDRAWN,
} Order;

/* Both days inclusive: a step may start and end on the same day. */
static gboolean
check_order (Checks       *checks,
             KedjaDate     start,
             KedjaDate     end,
             Order         order,
             gconstpointer key)
{
  char s[KEDJA_DATE_STRLEN], e[KEDJA_DATE_STRLEN];
  g_autofree char *what = NULL;

  if (start == KEDJA_DATE_NONE || end == KEDJA_DATE_NONE || end >= start)
    return TRUE;

  kedja_date_format (start, s);
  kedja_date_format (end, e);
  switch (order)
    {
    case ORDER_PLANNED:
      what = g_strdup_printf (_("<planned> ends on %s, before it starts on %s"), e, s);
      break;
    case ORDER_ACTUAL:
      what = g_strdup_printf (_("<actual> ends on %s, before it starts on %s"), e, s);
      break;
    case ORDER_EXPIRES:
      what = g_strdup_printf (_("<consent> expires on %s, before it was given on %s"), e, s);
      break;
    case ORDER_WITHDRAWN:
    default:
      what = g_strdup_printf (_("<consent> was withdrawn on %s, before it was given on %s"),
                              e, s);
      break;
    }
  return problem (checks, key, what);
}

static gboolean
check_dates (Checks *checks)
{
  KedjaPlan *plan = checks->reading->plan;

  for (guint i = 0; i < plan->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i);

      if (!check_order (checks, step->planned_start, step->planned_end, ORDER_PLANNED,
                        &step->planned_start)
          || !check_order (checks, step->actual_start, step->actual_end, ORDER_ACTUAL,
                           &step->actual_start))
        return FALSE;
    }
  for (guint i = 0; i < plan->consents->len; i++)
    {
      KedjaConsent *consent = g_ptr_array_index (plan->consents, i);

      if (!check_order (checks, consent->given, consent->expires, ORDER_EXPIRES, consent)
          || !check_order (checks, consent->given, consent->withdrawn, ORDER_WITHDRAWN, consent))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_client (Checks *checks)
{
  KedjaClient *client = checks->reading->plan->client;
  g_autoptr(GError) model_error = NULL;

  if (client->personal_number == NULL
      || kedja_personal_number_validate (client->personal_number, &model_error))
    return TRUE;
  return problem (checks, &client->personal_number, model_error->message);
}

gboolean
_kedja_sip_check_plan (KedjaSipReading *reading)
{
  Checks checks = { reading, NULL, NULL, NULL };
  guint found = reading->n_found;
  g_autoptr(GError) model_error = NULL;

  checks.agencies = g_hash_table_new (g_str_hash, g_str_equal);
  checks.goals = g_hash_table_new (g_str_hash, g_str_equal);
  checks.steps = g_hash_table_new (g_str_hash, g_str_equal);

  /* Each check goes on after a problem when every problem is wanted;
   * the references are checked against the first record of each id. */
  if (collect_ids (&checks))
    if (check_references (&checks))
      if (check_dates (&checks))
        check_client (&checks);

  g_hash_table_unref (checks.agencies);
  g_hash_table_unref (checks.goals);
  g_hash_table_unref (checks.steps);

  if (reading->n_found > found)
    return FALSE;

  /* The model's own rules, last: what it refuses, Kedja would not save. */
  if (!kedja_plan_validate (reading->plan, &model_error))
    {
      problem (&checks, NULL, model_error->message);
      return FALSE;
    }
  return TRUE;
}
