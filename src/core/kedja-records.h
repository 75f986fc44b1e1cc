/* kedja-records.h — the small records a plan is made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Participants, consents, goals, handovers, meetings and follow-up ratings:
 * plain records owned by their plan, each with new/copy/free/equal.
 */
#pragma once

#include <glib-object.h>

#include "kedja-date.h"
#include "kedja-enums.h"

G_BEGIN_DECLS

/* Someone at the table: an agency's contact person, the client, a relative,
 * a peer supporter. Also a meeting's attendee. */
typedef struct {
  KedjaRole role;
  char     *agency_id;   /* nullable */
  char     *name;        /* nullable */
} KedjaParticipant;

/* The client's permission to share information with one agency. */
typedef struct {
  char            *agency_id;
  KedjaDate        given;
  KedjaConsentForm form;
  KedjaDate        expires;    /* NONE: no expiry */
  KedjaDate        withdrawn;  /* NONE: not withdrawn */
  char            *exclusion;  /* nullable: what the client does not want shared */
} KedjaConsent;

typedef struct {
  char           *id;          /* UUID, stable */
  KedjaDomain     domain;
  char           *statement;
  KedjaDate       target;      /* NONE: no target date */
  KedjaGoalStatus status;
} KedjaGoal;

/* Responsibility passing from one step to the next. Complete only when the
 * receiving agency has confirmed. */
typedef struct {
  char     *from_step_id;
  char     *to_step_id;
  KedjaDate planned;
  KedjaDate meeting;       /* NONE: no handover meeting */
  KedjaDate confirmed;     /* NONE: not confirmed */
  char     *confirmed_by;  /* nullable */
} KedjaHandover;

/* A SIP meeting held. */
typedef struct {
  KedjaDate  date;
  GPtrArray *attendees;    /* (element-type KedjaParticipant) */
} KedjaMeeting;

/* The client's own rating, 1–10, of one life domain on a follow-up. */
typedef struct {
  KedjaDate   date;
  KedjaDomain domain;
  guint       value;
  char       *note;        /* nullable */
} KedjaRating;

#define KEDJA_TYPE_PARTICIPANT (kedja_participant_get_type ())
#define KEDJA_TYPE_CONSENT     (kedja_consent_get_type ())
#define KEDJA_TYPE_GOAL        (kedja_goal_get_type ())
#define KEDJA_TYPE_HANDOVER    (kedja_handover_get_type ())
#define KEDJA_TYPE_MEETING     (kedja_meeting_get_type ())
#define KEDJA_TYPE_RATING      (kedja_rating_get_type ())

GType             kedja_participant_get_type (void) G_GNUC_CONST;
KedjaParticipant *kedja_participant_new      (KedjaRole               role,
                                              const char             *agency_id,
                                              const char             *name);
KedjaParticipant *kedja_participant_copy     (const KedjaParticipant *participant);
void              kedja_participant_free     (KedjaParticipant       *participant);
gboolean          kedja_participant_equal    (const KedjaParticipant *a,
                                              const KedjaParticipant *b);

GType             kedja_consent_get_type     (void) G_GNUC_CONST;
KedjaConsent     *kedja_consent_new          (const char             *agency_id,
                                              KedjaDate               given,
                                              KedjaConsentForm        form);
KedjaConsent     *kedja_consent_copy         (const KedjaConsent     *consent);
void              kedja_consent_free         (KedjaConsent           *consent);
gboolean          kedja_consent_equal        (const KedjaConsent     *a,
                                              const KedjaConsent     *b);
gboolean          kedja_consent_in_force     (const KedjaConsent     *consent,
                                              KedjaDate               day);

GType             kedja_goal_get_type        (void) G_GNUC_CONST;
KedjaGoal        *kedja_goal_new             (const char             *id,
                                              KedjaDomain             domain,
                                              const char             *statement);
KedjaGoal        *kedja_goal_copy            (const KedjaGoal        *goal);
void              kedja_goal_free            (KedjaGoal              *goal);
gboolean          kedja_goal_equal           (const KedjaGoal        *a,
                                              const KedjaGoal        *b);

GType             kedja_handover_get_type    (void) G_GNUC_CONST;
KedjaHandover    *kedja_handover_new         (const char             *from_step_id,
                                              const char             *to_step_id,
                                              KedjaDate               planned);
KedjaHandover    *kedja_handover_copy        (const KedjaHandover    *handover);
void              kedja_handover_free        (KedjaHandover          *handover);
gboolean          kedja_handover_equal       (const KedjaHandover    *a,
                                              const KedjaHandover    *b);

GType             kedja_meeting_get_type     (void) G_GNUC_CONST;
KedjaMeeting     *kedja_meeting_new          (KedjaDate               date);
KedjaMeeting     *kedja_meeting_copy         (const KedjaMeeting     *meeting);
void              kedja_meeting_free         (KedjaMeeting           *meeting);
gboolean          kedja_meeting_equal        (const KedjaMeeting     *a,
                                              const KedjaMeeting     *b);

GType             kedja_rating_get_type      (void) G_GNUC_CONST;
KedjaRating      *kedja_rating_new           (KedjaDate               date,
                                              KedjaDomain             domain,
                                              guint                   value);
KedjaRating      *kedja_rating_copy          (const KedjaRating      *rating);
void              kedja_rating_free          (KedjaRating            *rating);
gboolean          kedja_rating_equal         (const KedjaRating      *a,
                                              const KedjaRating      *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaParticipant, kedja_participant_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaConsent, kedja_consent_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaGoal, kedja_goal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaHandover, kedja_handover_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaMeeting, kedja_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaRating, kedja_rating_free)

G_END_DECLS
