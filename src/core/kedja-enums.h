/* kedja-enums.h — the enumerations of the SIP format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nicks that glib-mkenums derives from these names ("social-services",
 * "peer-supporter", "crime-free", …) are exactly the values of
 * SIP-FORMAT.md, so one table serves the store, the exchange and the CLI.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  KEDJA_PLAN_STATUS_DRAFT,
  KEDJA_PLAN_STATUS_ACTIVE,
  KEDJA_PLAN_STATUS_CLOSED,
} KedjaPlanStatus;

typedef enum {
  KEDJA_AGENCY_KIND_SOCIAL_SERVICES,
  KEDJA_AGENCY_KIND_ADDICTION_CARE,
  KEDJA_AGENCY_KIND_PSYCHIATRY,
  KEDJA_AGENCY_KIND_PRIMARY_CARE,
  KEDJA_AGENCY_KIND_PRISON_PROBATION,
  KEDJA_AGENCY_KIND_EMPLOYMENT_SERVICE,
  KEDJA_AGENCY_KIND_SOCIAL_INSURANCE,
  KEDJA_AGENCY_KIND_HOUSING,
  KEDJA_AGENCY_KIND_CIVIL_SOCIETY,
  KEDJA_AGENCY_KIND_OTHER,
} KedjaAgencyKind;

typedef enum {
  KEDJA_ROLE_COORDINATOR,
  KEDJA_ROLE_PARTICIPANT,
  KEDJA_ROLE_CLIENT,
  KEDJA_ROLE_RELATIVE,
  KEDJA_ROLE_PEER_SUPPORTER,
} KedjaRole;

/* In chain order: the timeline draws one lane per phase in this order. */
typedef enum {
  KEDJA_PHASE_DETOX,
  KEDJA_PHASE_TREATMENT,
  KEDJA_PHASE_HOUSING,
  KEDJA_PHASE_EMPLOYMENT,
  KEDJA_PHASE_SUPPORT,
  KEDJA_PHASE_HEALTH,
} KedjaPhase;

#define KEDJA_N_PHASES 6

typedef enum {
  KEDJA_STEP_STATUS_PLANNED,
  KEDJA_STEP_STATUS_BOOKED,
  KEDJA_STEP_STATUS_ONGOING,
  KEDJA_STEP_STATUS_COMPLETED,
  KEDJA_STEP_STATUS_INTERRUPTED,
  KEDJA_STEP_STATUS_CANCELLED,
} KedjaStepStatus;

typedef enum {
  KEDJA_DOMAIN_SUBSTANCE_USE,
  KEDJA_DOMAIN_HOUSING,
  KEDJA_DOMAIN_FINANCES,
  KEDJA_DOMAIN_OCCUPATION,
  KEDJA_DOMAIN_HEALTH,
  KEDJA_DOMAIN_FAMILY,
  KEDJA_DOMAIN_NETWORK,
  KEDJA_DOMAIN_CRIME_FREE,
  KEDJA_DOMAIN_MEANING,
} KedjaDomain;

#define KEDJA_N_DOMAINS 9

typedef enum {
  KEDJA_GOAL_STATUS_ACTIVE,
  KEDJA_GOAL_STATUS_REACHED,
  KEDJA_GOAL_STATUS_DROPPED,
} KedjaGoalStatus;

typedef enum {
  KEDJA_CONSENT_FORM_WRITTEN,
  KEDJA_CONSENT_FORM_ORAL,
} KedjaConsentForm;

/* Only detox and treatment steps have a setting; NONE is "not given" and is
 * never written to a file. */
typedef enum {
  KEDJA_CARE_SETTING_NONE,
  KEDJA_CARE_SETTING_INPATIENT,
  KEDJA_CARE_SETTING_OUTPATIENT,
} KedjaCareSetting;

typedef enum {
  KEDJA_SEVERITY_NOTICE,
  KEDJA_SEVERITY_WARNING,
  KEDJA_SEVERITY_CRITICAL,
} KedjaSeverity;

/* The rules of the gap analysis; the nicks are the rule ids of DESIGN.md. */
typedef enum {
  KEDJA_RULE_UNCOVERED_DAYS,
  KEDJA_RULE_HANDOVER_GAP,
  KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER,
  KEDJA_RULE_UNCONFIRMED_HANDOVER,
  KEDJA_RULE_NO_NEXT_STEP,
  KEDJA_RULE_NO_HOUSING_AFTER_TREATMENT,
  KEDJA_RULE_NO_RESPONSIBLE,
  KEDJA_RULE_NO_COORDINATOR,
  KEDJA_RULE_FOLLOW_UP_MISSING,
  KEDJA_RULE_CONSENT_MISSING,
  KEDJA_RULE_CHILDREN_NOT_ADDRESSED,
  KEDJA_RULE_OWN_GOAL_MISSING,
  KEDJA_RULE_OVERLAP,
  KEDJA_RULE_LONG_WAIT,
} KedjaRule;

#define KEDJA_N_RULES 14

/* The nick of @value in the enum @type ("detox"), or %NULL if it has none. */
const char *kedja_enum_to_nick   (GType        type,
                                  int          value);
/* Parses a nick; an unknown one is an error naming the allowed values. */
gboolean    kedja_enum_from_nick (GType        type,
                                  const char  *nick,
                                  int         *out_value,
                                  GError     **error);

/* Translated names for people, in the UI and the CLI's text output. */
const char *kedja_plan_status_get_label  (KedjaPlanStatus  status);
const char *kedja_agency_kind_get_label  (KedjaAgencyKind  kind);
const char *kedja_role_get_label         (KedjaRole        role);
const char *kedja_phase_get_label        (KedjaPhase       phase);
const char *kedja_step_status_get_label  (KedjaStepStatus  status);
const char *kedja_domain_get_label       (KedjaDomain      domain);
const char *kedja_goal_status_get_label  (KedjaGoalStatus  status);
const char *kedja_consent_form_get_label (KedjaConsentForm form);
const char *kedja_care_setting_get_label (KedjaCareSetting setting);
const char *kedja_severity_get_label     (KedjaSeverity    severity);
/* A symbolic icon of the freedesktop set for @severity, beside its label:
 * severity is never told by colour alone. */
const char *kedja_severity_get_icon_name (KedjaSeverity    severity);
const char *kedja_rule_get_label         (KedjaRule        rule);
/* The phase as a noun after "after": "the detox", Swedish "avgiftningen". */
const char *kedja_phase_get_definite     (KedjaPhase       phase);

G_END_DECLS
