/* kedja-plan.c — a coordinated individual plan (SIP)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kedja-plan.h"
#include "kedja-util.h"

G_DEFINE_BOXED_TYPE (KedjaPlan, kedja_plan, kedja_plan_ref, kedja_plan_unref)

#define RECORD_ARRAY(type) \
  g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_##type##_free)

/* @id: (nullable): %NULL gives the plan a new UUID
 * @client: (transfer full) (nullable): %NULL gives an unnamed client */
KedjaPlan *
kedja_plan_new (const char  *id,
                KedjaClient *client,
                const char  *title)
{
  KedjaPlan *plan = g_new0 (KedjaPlan, 1);

  g_atomic_ref_count_init (&plan->ref_count);
  plan->id = id ? g_strdup (id) : g_uuid_string_random ();
  plan->title = g_strdup (title);
  plan->client = client ? client : kedja_client_new (NULL, NULL);
  plan->agencies = RECORD_ARRAY (agency);
  plan->participants = RECORD_ARRAY (participant);
  plan->consents = RECORD_ARRAY (consent);
  plan->goals = RECORD_ARRAY (goal);
  plan->steps = RECORD_ARRAY (step);
  plan->handovers = RECORD_ARRAY (handover);
  plan->meetings = RECORD_ARRAY (meeting);
  plan->ratings = RECORD_ARRAY (rating);
  return plan;
}

KedjaPlan *
kedja_plan_ref (KedjaPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  g_atomic_ref_count_inc (&plan->ref_count);
  return plan;
}

static void
plan_free (KedjaPlan *plan)
{
  g_free (plan->id);
  g_free (plan->title);
  g_clear_pointer (&plan->client, kedja_client_free);
  g_free (plan->own_goal);
  g_free (plan->coordinating_agency_id);
  g_free (plan->coordinator);
  g_ptr_array_unref (plan->agencies);
  g_ptr_array_unref (plan->participants);
  g_ptr_array_unref (plan->consents);
  g_ptr_array_unref (plan->goals);
  g_ptr_array_unref (plan->steps);
  g_ptr_array_unref (plan->handovers);
  g_ptr_array_unref (plan->meetings);
  g_ptr_array_unref (plan->ratings);
  g_free (plan);
}

void
kedja_plan_unref (KedjaPlan *plan)
{
  if (plan != NULL && g_atomic_ref_count_dec (&plan->ref_count))
    plan_free (plan);
}

#define COPY_RECORDS(type, array) \
  kedja_ptr_array_copy (array, (GBoxedCopyFunc) kedja_##type##_copy, \
                        (GDestroyNotify) kedja_##type##_free)

/* A deep copy, to edit without touching the original. */
KedjaPlan *
kedja_plan_copy (const KedjaPlan *plan)
{
  KedjaPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_new0 (KedjaPlan, 1);
  g_atomic_ref_count_init (&copy->ref_count);
  copy->id = g_strdup (plan->id);
  copy->revision = plan->revision;
  copy->status = plan->status;
  copy->title = g_strdup (plan->title);
  copy->created = plan->created;
  copy->client = kedja_client_copy (plan->client);
  copy->own_goal = g_strdup (plan->own_goal);
  copy->need_recorded = plan->need_recorded;
  copy->coordinating_agency_id = g_strdup (plan->coordinating_agency_id);
  copy->coordinator = g_strdup (plan->coordinator);
  copy->follow_up = plan->follow_up;
  copy->agencies = COPY_RECORDS (agency, plan->agencies);
  copy->participants = COPY_RECORDS (participant, plan->participants);
  copy->consents = COPY_RECORDS (consent, plan->consents);
  copy->goals = COPY_RECORDS (goal, plan->goals);
  copy->steps = COPY_RECORDS (step, plan->steps);
  copy->handovers = COPY_RECORDS (handover, plan->handovers);
  copy->meetings = COPY_RECORDS (meeting, plan->meetings);
  copy->ratings = COPY_RECORDS (rating, plan->ratings);
  return copy;
}

#define EQUAL_RECORDS(type, field) \
  kedja_ptr_array_equal (a->field, b->field, (KedjaEqualFunc) kedja_##type##_equal)

gboolean
kedja_plan_equal (const KedjaPlan *a,
                  const KedjaPlan *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->id, b->id) == 0
         && a->revision == b->revision
         && a->status == b->status
         && g_strcmp0 (a->title, b->title) == 0
         && a->created == b->created
         && kedja_client_equal (a->client, b->client)
         && g_strcmp0 (a->own_goal, b->own_goal) == 0
         && a->need_recorded == b->need_recorded
         && g_strcmp0 (a->coordinating_agency_id, b->coordinating_agency_id) == 0
         && g_strcmp0 (a->coordinator, b->coordinator) == 0
         && a->follow_up == b->follow_up
         && EQUAL_RECORDS (agency, agencies)
         && EQUAL_RECORDS (participant, participants)
         && EQUAL_RECORDS (consent, consents)
         && EQUAL_RECORDS (goal, goals)
         && EQUAL_RECORDS (step, steps)
         && EQUAL_RECORDS (handover, handovers)
         && EQUAL_RECORDS (meeting, meetings)
         && EQUAL_RECORDS (rating, ratings);
}

KedjaAgency *
kedja_plan_find_agency (const KedjaPlan *plan,
                        const char      *agency_id)
{
  if (agency_id == NULL)
    return NULL;
  for (guint i = 0; i < plan->agencies->len; i++)
    {
      KedjaAgency *agency = g_ptr_array_index (plan->agencies, i);
      if (g_str_equal (agency->id, agency_id))
        return agency;
    }
  return NULL;
}

KedjaStep *
kedja_plan_find_step (const KedjaPlan *plan,
                      const char      *step_id)
{
  if (step_id == NULL)
    return NULL;
  for (guint i = 0; i < plan->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i);
      if (g_str_equal (step->id, step_id))
        return step;
    }
  return NULL;
}

KedjaGoal *
kedja_plan_find_goal (const KedjaPlan *plan,
                      const char      *goal_id)
{
  if (goal_id == NULL)
    return NULL;
  for (guint i = 0; i < plan->goals->len; i++)
    {
      KedjaGoal *goal = g_ptr_array_index (plan->goals, i);
      if (g_str_equal (goal->id, goal_id))
        return goal;
    }
  return NULL;
}

/* The agency's name, or "" when the plan does not name one. */
const char *
kedja_plan_get_agency_name (const KedjaPlan *plan,
                            const char      *agency_id)
{
  KedjaAgency *agency = kedja_plan_find_agency (plan, agency_id);

  return agency && agency->name ? agency->name : "";
}

void
kedja_plan_add_agency (KedjaPlan         *plan,
                       const KedjaAgency *agency)
{
  if (kedja_plan_find_agency (plan, agency->id) == NULL)
    g_ptr_array_add (plan->agencies, kedja_agency_copy (agency));
}
