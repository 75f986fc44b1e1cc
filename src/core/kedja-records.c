/* kedja-records.c — the small records a plan is made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kedja-records.h"
#include "kedja-util.h"

G_DEFINE_BOXED_TYPE (KedjaParticipant, kedja_participant, kedja_participant_copy, kedja_participant_free)
G_DEFINE_BOXED_TYPE (KedjaConsent, kedja_consent, kedja_consent_copy, kedja_consent_free)
G_DEFINE_BOXED_TYPE (KedjaGoal, kedja_goal, kedja_goal_copy, kedja_goal_free)
G_DEFINE_BOXED_TYPE (KedjaHandover, kedja_handover, kedja_handover_copy, kedja_handover_free)
G_DEFINE_BOXED_TYPE (KedjaMeeting, kedja_meeting, kedja_meeting_copy, kedja_meeting_free)
G_DEFINE_BOXED_TYPE (KedjaRating, kedja_rating, kedja_rating_copy, kedja_rating_free)

/* Participant */

KedjaParticipant *
kedja_participant_new (KedjaRole   role,
                       const char *agency_id,
                       const char *name)
{
  KedjaParticipant *participant = g_new0 (KedjaParticipant, 1);

  participant->role = role;
  participant->agency_id = g_strdup (agency_id);
  participant->name = g_strdup (name);
  return participant;
}

KedjaParticipant *
kedja_participant_copy (const KedjaParticipant *participant)
{
  return kedja_participant_new (participant->role, participant->agency_id,
                                participant->name);
}

void
kedja_participant_free (KedjaParticipant *participant)
{
  if (participant == NULL)
    return;
  g_free (participant->agency_id);
  g_free (participant->name);
  g_free (participant);
}

gboolean
kedja_participant_equal (const KedjaParticipant *a,
                         const KedjaParticipant *b)
{
  return a->role == b->role
         && g_strcmp0 (a->agency_id, b->agency_id) == 0
         && g_strcmp0 (a->name, b->name) == 0;
}

/* Consent */

KedjaConsent *
kedja_consent_new (const char      *agency_id,
                   KedjaDate        given,
                   KedjaConsentForm form)
{
  KedjaConsent *consent = g_new0 (KedjaConsent, 1);

  consent->agency_id = g_strdup (agency_id);
  consent->given = given;
  consent->form = form;
  return consent;
}

KedjaConsent *
kedja_consent_copy (const KedjaConsent *consent)
{
  KedjaConsent *copy = g_memdup2 (consent, sizeof *consent);

  copy->agency_id = g_strdup (consent->agency_id);
  copy->exclusion = g_strdup (consent->exclusion);
  return copy;
}

void
kedja_consent_free (KedjaConsent *consent)
{
  if (consent == NULL)
    return;
  g_free (consent->agency_id);
  g_free (consent->exclusion);
  g_free (consent);
}

gboolean
kedja_consent_equal (const KedjaConsent *a,
                     const KedjaConsent *b)
{
  return g_strcmp0 (a->agency_id, b->agency_id) == 0
         && a->given == b->given
         && a->form == b->form
         && a->expires == b->expires
         && a->withdrawn == b->withdrawn
         && g_strcmp0 (a->exclusion, b->exclusion) == 0;
}

/* SIP-FORMAT.md: in force on @day when given ≤ day, not withdrawn on or
 * before the day, and not expired before the day (the expiry day itself
 * still counts). */
gboolean
kedja_consent_in_force (const KedjaConsent *consent,
                        KedjaDate           day)
{
  return consent->given != KEDJA_DATE_NONE
         && consent->given <= day
         && (consent->withdrawn == KEDJA_DATE_NONE || consent->withdrawn > day)
         && (consent->expires == KEDJA_DATE_NONE || consent->expires >= day);
}

/* Goal */

/* @id: (nullable): %NULL gives the goal a new UUID */
KedjaGoal *
kedja_goal_new (const char *id,
                KedjaDomain domain,
                const char *statement)
{
  KedjaGoal *goal = g_new0 (KedjaGoal, 1);

  goal->id = id ? g_strdup (id) : g_uuid_string_random ();
  goal->domain = domain;
  goal->statement = g_strdup (statement);
  return goal;
}

KedjaGoal *
kedja_goal_copy (const KedjaGoal *goal)
{
  KedjaGoal *copy = g_memdup2 (goal, sizeof *goal);

  copy->id = g_strdup (goal->id);
  copy->statement = g_strdup (goal->statement);
  return copy;
}

void
kedja_goal_free (KedjaGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->id);
  g_free (goal->statement);
  g_free (goal);
}

gboolean
kedja_goal_equal (const KedjaGoal *a,
                  const KedjaGoal *b)
{
  return g_strcmp0 (a->id, b->id) == 0
         && a->domain == b->domain
         && g_strcmp0 (a->statement, b->statement) == 0
         && a->target == b->target
         && a->status == b->status;
}

/* Handover */

KedjaHandover *
kedja_handover_new (const char *from_step_id,
                    const char *to_step_id,
                    KedjaDate   planned)
{
  KedjaHandover *handover = g_new0 (KedjaHandover, 1);

  handover->from_step_id = g_strdup (from_step_id);
  handover->to_step_id = g_strdup (to_step_id);
  handover->planned = planned;
  return handover;
}

KedjaHandover *
kedja_handover_copy (const KedjaHandover *handover)
{
  KedjaHandover *copy = g_memdup2 (handover, sizeof *handover);

  copy->from_step_id = g_strdup (handover->from_step_id);
  copy->to_step_id = g_strdup (handover->to_step_id);
  copy->confirmed_by = g_strdup (handover->confirmed_by);
  return copy;
}

void
kedja_handover_free (KedjaHandover *handover)
{
  if (handover == NULL)
    return;
  g_free (handover->from_step_id);
  g_free (handover->to_step_id);
  g_free (handover->confirmed_by);
  g_free (handover);
}

gboolean
kedja_handover_equal (const KedjaHandover *a,
                      const KedjaHandover *b)
{
  return g_strcmp0 (a->from_step_id, b->from_step_id) == 0
         && g_strcmp0 (a->to_step_id, b->to_step_id) == 0
         && a->planned == b->planned
         && a->meeting == b->meeting
         && a->confirmed == b->confirmed
         && g_strcmp0 (a->confirmed_by, b->confirmed_by) == 0;
}

/* Meeting */

KedjaMeeting *
kedja_meeting_new (KedjaDate date)
{
  KedjaMeeting *meeting = g_new0 (KedjaMeeting, 1);

  meeting->date = date;
  meeting->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_participant_free);
  return meeting;
}

KedjaMeeting *
kedja_meeting_copy (const KedjaMeeting *meeting)
{
  KedjaMeeting *copy = g_new0 (KedjaMeeting, 1);

  copy->date = meeting->date;
  copy->attendees = kedja_ptr_array_copy (meeting->attendees,
                                          (GBoxedCopyFunc) kedja_participant_copy,
                                          (GDestroyNotify) kedja_participant_free);
  return copy;
}

void
kedja_meeting_free (KedjaMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_clear_pointer (&meeting->attendees, g_ptr_array_unref);
  g_free (meeting);
}

gboolean
kedja_meeting_equal (const KedjaMeeting *a,
                     const KedjaMeeting *b)
{
  return a->date == b->date
         && kedja_ptr_array_equal (a->attendees, b->attendees,
                                   (KedjaEqualFunc) kedja_participant_equal);
}

/* Rating */

KedjaRating *
kedja_rating_new (KedjaDate   date,
                  KedjaDomain domain,
                  guint       value)
{
  KedjaRating *rating = g_new0 (KedjaRating, 1);

  rating->date = date;
  rating->domain = domain;
  rating->value = value;
  return rating;
}

KedjaRating *
kedja_rating_copy (const KedjaRating *rating)
{
  KedjaRating *copy = g_memdup2 (rating, sizeof *rating);

  copy->note = g_strdup (rating->note);
  return copy;
}

void
kedja_rating_free (KedjaRating *rating)
{
  if (rating == NULL)
    return;
  g_free (rating->note);
  g_free (rating);
}

gboolean
kedja_rating_equal (const KedjaRating *a,
                    const KedjaRating *b)
{
  return a->date == b->date
         && a->domain == b->domain
         && a->value == b->value
         && g_strcmp0 (a->note, b->note) == 0;
}
