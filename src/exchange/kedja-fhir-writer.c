/* kedja-fhir-writer.c — a plan as an HL7 FHIR R4 XML Bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One Bundle of type collection per plan, written with libxml2's text
 * writer into memory. The R4 schema is a strict sequence everywhere, so
 * every resource below is written in the order of its complexType in HL7's
 * fhir-single.xsd; where the order is easy to get wrong a comment names
 * it. The datatypes are kedja-fhir-xml.c's, the ids kedja-fhir-ids.c's,
 * and the free text of a protected client passes kedja-name-filter.c.
 * The mapping and every URL Kedja invents are in docs/fhir-mapping.md —
 * change both together.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kedja-exchange-private.h"
#include "kedja-fhir-private.h"
#include "kedja-util.h"
#include "kedja-fhir.h"

/* Kedja's own code systems and extensions. ".invalid" is reserved (RFC
 * 2606), so nobody mistakes these for registered URLs. */
#define KEDJA_FHIR_BASE      "https://kedja.invalid/fhir/"
#define CS_AGENCY_KIND       KEDJA_FHIR_BASE "CodeSystem/agency-kind"
#define CS_CARE_TEAM_ROLE    KEDJA_FHIR_BASE "CodeSystem/care-team-role"
#define CS_LIFE_DOMAIN       KEDJA_FHIR_BASE "CodeSystem/life-domain"
#define CS_PHASE             KEDJA_FHIR_BASE "CodeSystem/care-chain-phase"
#define CS_KSI               KEDJA_FHIR_BASE "CodeSystem/ksi"
#define CS_KVA               KEDJA_FHIR_BASE "CodeSystem/kva"
#define EXT_PHASE            KEDJA_FHIR_BASE "StructureDefinition/care-chain-phase"
#define EXT_SETTING          KEDJA_FHIR_BASE "StructureDefinition/care-setting"
#define EXT_REVISION         KEDJA_FHIR_BASE "StructureDefinition/plan-revision"
#define EXT_NEED_RECORDED    KEDJA_FHIR_BASE "StructureDefinition/need-recorded"
#define EXT_FOLLOW_UP        KEDJA_FHIR_BASE "StructureDefinition/follow-up"
#define EXT_CONSENT_FORM     KEDJA_FHIR_BASE "StructureDefinition/consent-form"
#define EXT_CONSENT_WITHDRAWN KEDJA_FHIR_BASE "StructureDefinition/consent-withdrawn"

/* Identifier systems of HL7 Sweden's base profiles and the Swedish
 * organisation catalogue. */
#define SYSTEM_PERSONNUMMER      "http://electronichealth.se/identifier/personnummer"
#define SYSTEM_SAMORDNINGSNUMMER "http://electronichealth.se/identifier/samordningsnummer"
#define SYSTEM_HSA_ID            "urn:oid:1.2.752.29.4.19"
#define SYSTEM_ORG_NUMBER        "urn:oid:2.5.4.97"
#define SYSTEM_URI               "urn:ietf:rfc:3986"

/* HL7's own terminology. */
#define HL7_TERMINOLOGY      "http://terminology.hl7.org/CodeSystem/"
#define CS_CONFIDENTIALITY   HL7_TERMINOLOGY "v3-Confidentiality"
#define CS_ACT_CODE          HL7_TERMINOLOGY "v3-ActCode"
#define CS_PARTICIPATION     HL7_TERMINOLOGY "v3-ParticipationType"
#define CS_CONSENT_SCOPE     HL7_TERMINOLOGY "consentscope"
#define CS_CONSENT_ACTION    HL7_TERMINOLOGY "consentaction"
#define CS_GOAL_ACHIEVEMENT  HL7_TERMINOLOGY "goal-achievement"
#define CS_LOINC             "http://loinc.org"

/* The displays of Kedja's code systems, in the source language of the
 * product. They are part of the code systems' definitions, so they are
 * not translated: the same plan gives the same bytes in any locale. */
static const char * const agency_kind_displays[] = {
  "Social services", "Addiction care", "Psychiatry", "Primary care",
  "Prison and probation service", "Employment service", "Social insurance agency",
  "Housing provider", "Civil-society organisation", "Other",
};
static const char * const role_displays[] = {
  "Coordinator", "Participant", "Client", "Relative", "Peer supporter",
};
static const char * const domain_displays[] = {
  "Control over use", "Housing", "Income and finances", "Occupation", "Health",
  "Family and children", "Relations and network", "Freedom from crime",
  "Meaning and identity",
};
static const char * const phase_displays[] = {
  "Detox", "Treatment", "Housing", "Employment", "Support and network", "Health",
};

G_STATIC_ASSERT (G_N_ELEMENTS (agency_kind_displays) == KEDJA_AGENCY_KIND_OTHER + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (role_displays) == KEDJA_ROLE_PEER_SUPPORTER + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (domain_displays) == KEDJA_N_DOMAINS);
G_STATIC_ASSERT (G_N_ELEMENTS (phase_displays) == KEDJA_N_PHASES);

/* CarePlan.activity.detail.status, by KedjaStepStatus. */
static const char * const activity_statuses[] = {
  "not-started", "scheduled", "in-progress", "completed", "stopped", "cancelled",
};
G_STATIC_ASSERT (G_N_ELEMENTS (activity_statuses) == KEDJA_STEP_STATUS_CANCELLED + 1);

typedef struct {
  KedjaFhirXml                 x;
  const KedjaPlan             *plan;
  const KedjaFhirWriteOptions *options;
  KedjaFhirIds                *ids;
  KedjaNameFilter             *protect;  /* %NULL unless the identity is protected */
} Writer;

/* The code of an enum value is its nick, as in the SIP format. */
static const char *
nick (Writer *w,
      GType   type,
      int     value)
{
  const char *code = kedja_enum_to_nick (type, value);

  if (code == NULL && w->x.error == NULL)
    w->x.error = g_error_new (KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID,
                              /* TRANSLATORS: %s is a part of a plan: "the steps" */
                              _("The plan cannot be written as FHIR: %s holds a value "
                                "(%d) that Kedja does not know"), w->x.part, value);
  return code;
}

/* The FHIR code that a table gives for an enum value, once nick () has
 * checked that the value is one Kedja knows (the tables follow the enums). */
static const char *
mapped (Writer             *w,
        GType               type,
        int                 value,
        const char * const *table)
{
  return nick (w, type, value) != NULL ? table[value] : NULL;
}

static const char *
id_of (Writer     *w,
       const char *kind,
       const char *model_id)
{
  return _kedja_fhir_ids_get (w->ids, kind, model_id);
}

static const char *
patient_id (Writer *w)
{
  return id_of (w, "client", w->plan->client->id);
}

/* Text about the client, as it may leave (see kedja-name-filter.c). */
static const char *
about_client (Writer     *w,
              const char *text)
{
  return kedja_name_filter_text (w->protect, text);
}

static void
organization_reference (Writer     *w,
                        const char *name,
                        const char *agency_id)
{
  const KedjaAgency *agency = kedja_plan_find_agency (w->plan, agency_id);

  _kedja_fhir_reference (&w->x, name, id_of (w, "agency", agency->id), agency->name);
}

/* Resources */

static void
write_confidential (Writer *w)
{
  _kedja_fhir_start (&w->x, "meta");
  _kedja_fhir_coding (&w->x, "security", CS_CONFIDENTIALITY, "R", "restricted");
  _kedja_fhir_end (&w->x);
}

/* Identity numbers go out as the twelve digits HL7 Sweden's profiles
 * expect, organisation numbers as the ten of the Swedish organisation
 * catalogue: without the hyphen. */
static char *
digits_only (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

static void
write_patient (Writer *w)
{
  KedjaFhirXml *x = &w->x;
  const KedjaClient *client = w->plan->client;
  gboolean shown = !client->protected_identity;

  x->part = _("the client");
  _kedja_fhir_start_entry (x, "Patient", patient_id (w));
  if (!shown)
    write_confidential (w);
  if (shown && client->personal_number != NULL)
    {
      g_autofree char *digits = digits_only (client->personal_number);

      _kedja_fhir_identifier (x, kedja_personal_number_is_coordination (client->personal_number)
                                   ? SYSTEM_SAMORDNINGSNUMMER : SYSTEM_PERSONNUMMER,
                              digits);
    }
  _kedja_fhir_primitive (x, "active", "true");
  if (shown && !kedja_str_is_blank (client->name))
    {
      _kedja_fhir_start (x, "name");
      _kedja_fhir_string (x, "text", client->name);
      _kedja_fhir_end (x);
    }
  if (shown && !kedja_str_is_blank (client->district))
    {
      _kedja_fhir_start (x, "address");
      _kedja_fhir_string (x, "district", client->district);
      _kedja_fhir_end (x);
    }
  _kedja_fhir_end_entry (x);
}

static void
write_organization (Writer            *w,
                    const KedjaAgency *agency)
{
  KedjaFhirXml *x = &w->x;
  const char *kind = nick (w, KEDJA_TYPE_AGENCY_KIND, agency->kind);

  _kedja_fhir_start_entry (x, "Organization", id_of (w, "agency", agency->id));
  if (!kedja_str_is_blank (agency->hsa_id))
    {
      g_autofree char *hsa_id = g_strstrip (g_strdup (agency->hsa_id));

      _kedja_fhir_identifier (x, SYSTEM_HSA_ID, hsa_id);
    }
  if (!kedja_str_is_blank (agency->org_number))
    {
      g_autofree char *digits = digits_only (agency->org_number);

      if (*digits != '\0')
        _kedja_fhir_identifier (x, SYSTEM_ORG_NUMBER, digits);
    }
  _kedja_fhir_primitive (x, "active", "true");
  if (kind != NULL)
    _kedja_fhir_concept (x, "type", CS_AGENCY_KIND, kind, agency_kind_displays[agency->kind]);
  _kedja_fhir_string (x, "name", agency->name);
  if (!kedja_str_is_blank (agency->contact))
    {
      /* Phone, e-mail and address in one text: a ContactPoint of system
       * "other" says so without guessing which it is. */
      _kedja_fhir_start (x, "telecom");
      _kedja_fhir_primitive (x, "system", "other");
      _kedja_fhir_string (x, "value", agency->contact);
      _kedja_fhir_end (x);
    }
  _kedja_fhir_end_entry (x);
}

/* An agency's contact person is a member on behalf of the Organization
 * (R4 allows onBehalfOf when the member is a practitioner); an agency
 * alone is the member; a person without agency is a name. */
static void
write_participant (Writer     *w,
                   KedjaRole   role,
                   const char *agency_id,
                   const char *name)
{
  KedjaFhirXml *x = &w->x;
  const char *code = nick (w, KEDJA_TYPE_ROLE, role);

  name = about_client (w, name);
  _kedja_fhir_start (x, "participant");
  if (code != NULL)
    _kedja_fhir_concept (x, "role", CS_CARE_TEAM_ROLE, code, role_displays[role]);
  if (role == KEDJA_ROLE_CLIENT)
    _kedja_fhir_reference (x, "member", patient_id (w), NULL);
  else if (agency_id != NULL && name != NULL)
    {
      _kedja_fhir_person (x, "member", "Practitioner", name);
      organization_reference (w, "onBehalfOf", agency_id);
    }
  else if (agency_id != NULL)
    organization_reference (w, "member", agency_id);
  else if (name != NULL)
    _kedja_fhir_person (x, "member", role == KEDJA_ROLE_RELATIVE ? "RelatedPerson" : NULL, name);
  _kedja_fhir_end (x);
}

static void
write_care_team (Writer *w)
{
  static const char * const statuses[] = { "proposed", "active", "inactive" };
  KedjaFhirXml *x = &w->x;
  const KedjaPlan *plan = w->plan;
  const char *coordinating = plan->coordinating_agency_id;
  const char *coordinator = plan->coordinator;

  G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == KEDJA_PLAN_STATUS_CLOSED + 1);

  x->part = _("the participants");
  _kedja_fhir_start_entry (x, "CareTeam", id_of (w, "care-team", ""));
  /* The team is as current as the plan: proposed while it is a draft,
   * inactive once it is closed. */
  _kedja_fhir_primitive (x, "status", mapped (w, KEDJA_TYPE_PLAN_STATUS, plan->status, statuses));
  _kedja_fhir_reference (x, "subject", patient_id (w), NULL);

  /* The coordinating agency comes first, as coordinator, whether or not
   * the participants list it; a listed coordinator of the same agency is
   * that participant and is not written twice. */
  if (coordinating != NULL)
    {
      for (guint i = 0; coordinator == NULL && i < plan->participants->len; i++)
        {
          const KedjaParticipant *p = g_ptr_array_index (plan->participants, i);

          if (p->role == KEDJA_ROLE_COORDINATOR && g_strcmp0 (p->agency_id, coordinating) == 0)
            coordinator = p->name;
        }
      write_participant (w, KEDJA_ROLE_COORDINATOR, coordinating, coordinator);
    }
  for (guint i = 0; i < plan->participants->len; i++)
    {
      const KedjaParticipant *p = g_ptr_array_index (plan->participants, i);

      if (coordinating != NULL && p->role == KEDJA_ROLE_COORDINATOR
          && g_strcmp0 (p->agency_id, coordinating) == 0)
        continue;
      write_participant (w, p->role, p->agency_id, p->name);
    }

  if (coordinating != NULL)
    organization_reference (w, "managingOrganization", coordinating);
  _kedja_fhir_end_entry (x);
}

/* The own goal goes out only when there is text that may leave. */
static const char *
own_goal_text (Writer *w)
{
  return about_client (w, w->plan->own_goal);
}

static void
write_own_goal (Writer *w)
{
  KedjaFhirXml *x = &w->x;
  const char *text = own_goal_text (w);

  if (text == NULL)
    return;
  _kedja_fhir_start_entry (x, "Goal", id_of (w, "own-goal", ""));
  _kedja_fhir_primitive (x, "lifecycleStatus", "active");
  _kedja_fhir_start (x, "description");
  _kedja_fhir_string (x, "text", text);
  _kedja_fhir_end (x);
  _kedja_fhir_reference (x, "subject", patient_id (w), NULL);
  /* Goal order: … subject, start[x], target, statusDate, statusReason,
   * expressedBy: the client's own words, expressed by the client. */
  _kedja_fhir_reference (x, "expressedBy", patient_id (w), NULL);
  _kedja_fhir_end_entry (x);
}

static void
write_goal (Writer          *w,
            const KedjaGoal *goal)
{
  static const char * const statuses[] = { "active", "completed", "cancelled" };
  KedjaFhirXml *x = &w->x;
  const char *domain = nick (w, KEDJA_TYPE_DOMAIN, goal->domain);
  const char *statement = about_client (w, goal->statement);

  G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == KEDJA_GOAL_STATUS_DROPPED + 1);

  _kedja_fhir_start_entry (x, "Goal", id_of (w, "goal", goal->id));
  _kedja_fhir_primitive (x, "lifecycleStatus",
                         mapped (w, KEDJA_TYPE_GOAL_STATUS, goal->status, statuses));
  if (goal->status == KEDJA_GOAL_STATUS_REACHED)
    _kedja_fhir_concept (x, "achievementStatus", CS_GOAL_ACHIEVEMENT, "achieved", "Achieved");
  if (domain != NULL)
    _kedja_fhir_concept (x, "category", CS_LIFE_DOMAIN, domain, domain_displays[goal->domain]);
  /* A description is required; when the statement may not leave, the
   * domain is all that can be said of the goal. */
  _kedja_fhir_start (x, "description");
  if (statement != NULL)
    _kedja_fhir_string (x, "text", statement);
  else if (domain != NULL)
    _kedja_fhir_coding (x, "coding", CS_LIFE_DOMAIN, domain, domain_displays[goal->domain]);
  _kedja_fhir_end (x);
  _kedja_fhir_reference (x, "subject", patient_id (w), NULL);
  if (goal->target != KEDJA_DATE_NONE)
    {
      _kedja_fhir_start (x, "target");
      _kedja_fhir_date (x, "dueDate", goal->target);
      _kedja_fhir_end (x);
    }
  _kedja_fhir_end_entry (x);
}

static void
write_consent (Writer             *w,
               const KedjaConsent *consent,
               guint               index)
{
  KedjaFhirXml *x = &w->x;
  const KedjaPlan *plan = w->plan;
  gboolean restricted = !kedja_str_is_blank (consent->exclusion);
  gboolean in_force = kedja_consent_in_force (consent, w->options->today);
  const char *exclusion = about_client (w, consent->exclusion);

  _kedja_fhir_start_entry (x, "Consent", _kedja_fhir_ids_consent (w->ids, index));
  _kedja_fhir_start_extension (x, EXT_CONSENT_FORM);
  _kedja_fhir_primitive (x, "valueCode", nick (w, KEDJA_TYPE_CONSENT_FORM, consent->form));
  _kedja_fhir_end (x);
  _kedja_fhir_extension_date (x, EXT_CONSENT_WITHDRAWN, consent->withdrawn);

  _kedja_fhir_primitive (x, "status", in_force ? "active" : "inactive");
  _kedja_fhir_concept (x, "scope", CS_CONSENT_SCOPE, "patient-privacy", "Privacy Consent");
  _kedja_fhir_concept (x, "category", CS_LOINC, "59284-0", "Consent Document");
  _kedja_fhir_reference (x, "patient", patient_id (w), NULL);
  _kedja_fhir_date (x, "dateTime", consent->given);
  /* The client agrees; the coordinating agency, which keeps the SIP,
   * holds the consent. */
  _kedja_fhir_reference (x, "performer", patient_id (w), NULL);
  if (plan->coordinating_agency_id != NULL)
    organization_reference (w, "organization", plan->coordinating_agency_id);
  /* R4 wants a policy or a policy rule (ppc-1): opt-in, with restrictions
   * when the client excluded something. */
  if (restricted)
    _kedja_fhir_concept (x, "policyRule", CS_ACT_CODE, "OPTINR", "opt-in with restrictions");
  else
    _kedja_fhir_concept (x, "policyRule", CS_ACT_CODE, "OPTIN", "opt-in");

  _kedja_fhir_start (x, "provision");
  _kedja_fhir_primitive (x, "type", "permit");
  _kedja_fhir_period (x, "period", consent->given, consent->expires);
  _kedja_fhir_start (x, "actor");
  _kedja_fhir_concept (x, "role", CS_PARTICIPATION, "IRCP", "information recipient");
  organization_reference (w, "reference", consent->agency_id);
  _kedja_fhir_end (x);
  _kedja_fhir_concept (x, "action", CS_CONSENT_ACTION, "disclose", "Disclose");
  if (restricted)
    {
      /* R4's provision has no text: the exclusion, in the client's words,
       * is the text of the deny rule's code. When it may not leave (it
       * names a protected client) the rule denies without saying what,
       * which errs on the side of sharing less. */
      _kedja_fhir_start (x, "provision");
      _kedja_fhir_primitive (x, "type", "deny");
      if (exclusion != NULL)
        {
          _kedja_fhir_start (x, "code");
          _kedja_fhir_string (x, "text", exclusion);
          _kedja_fhir_end (x);
        }
      _kedja_fhir_end (x);
    }
  _kedja_fhir_end (x);  /* provision */
  _kedja_fhir_end_entry (x);
}

/* KVÅ codes are two letters and three digits or three letters and two
 * digits; KSI codes are three groups of letters, as in ICHI ("SAB.TB.ZZ").
 * Anything else is only text: Kedja does not guess a code system. */
static const char *
code_system (const char *code)
{
  gsize length = strlen (code);
  guint letters = 0;

  while (letters < length && g_ascii_isupper (code[letters]))
    letters++;
  if (length == 5 && (letters == 2 || letters == 3))
    {
      for (gsize i = letters; i < length; i++)
        if (!g_ascii_isdigit (code[i]))
          return NULL;
      return CS_KVA;
    }
  if (length == 9 && code[3] == '.' && code[6] == '.')
    {
      for (gsize i = 0; i < length; i++)
        if (i != 3 && i != 6 && !g_ascii_isupper (code[i]))
          return NULL;
      return CS_KSI;
    }
  return NULL;
}

static void
write_code (Writer     *w,
            const char *code)
{
  KedjaFhirXml *x = &w->x;
  g_autofree char *trimmed = NULL;
  g_autofree char *upper = NULL;
  const char *system;

  if (kedja_str_is_blank (code))
    return;
  trimmed = g_strstrip (g_strdup (code));
  upper = g_ascii_strup (trimmed, -1);
  system = code_system (upper);

  _kedja_fhir_start (x, "code");
  if (system != NULL)
    _kedja_fhir_coding (x, "coding", system, upper, NULL);
  else
    _kedja_fhir_string (x, "text", trimmed);
  _kedja_fhir_end (x);
}

/* A handover, as a complex extension on the sending step's activity: FHIR
 * has no element for responsibility passing from one activity to another. */
static void
write_handover (Writer              *w,
                const KedjaHandover *handover)
{
  KedjaFhirXml *x = &w->x;
  const KedjaStep *to = kedja_plan_find_step (w->plan, handover->to_step_id);

  _kedja_fhir_start_extension (x, KEDJA_FHIR_HANDOVER_EXTENSION);
  _kedja_fhir_start_extension (x, "to");
  _kedja_fhir_primitive (x, "valueString", id_of (w, "step", to->id));
  _kedja_fhir_end (x);
  if (to->agency_id != NULL)
    {
      _kedja_fhir_start_extension (x, "receiver");
      organization_reference (w, "valueReference", to->agency_id);
      _kedja_fhir_end (x);
    }
  _kedja_fhir_extension_date (x, "planned", handover->planned);
  _kedja_fhir_extension_date (x, "meeting", handover->meeting);
  _kedja_fhir_extension_date (x, "confirmed", handover->confirmed);
  _kedja_fhir_extension_string (x, "confirmedBy", about_client (w, handover->confirmed_by));
  _kedja_fhir_end (x);
}

static void
write_activity (Writer          *w,
                const KedjaStep *step)
{
  KedjaFhirXml *x = &w->x;
  const KedjaPlan *plan = w->plan;
  const char *phase = nick (w, KEDJA_TYPE_PHASE, step->phase);
  const char *note = about_client (w, step->note);
  const char *contact = about_client (w, step->contact);

  _kedja_fhir_start (x, "activity");
  /* The element id lets a handover name the activity it goes to. */
  _kedja_fhir_attribute (x, "id", id_of (w, "step", step->id));
  /* Activity order: outcome…, progress, reference, detail. */
  if (note != NULL)
    {
      _kedja_fhir_start (x, "progress");
      _kedja_fhir_string (x, "text", note);
      _kedja_fhir_end (x);
    }

  _kedja_fhir_start (x, "detail");
  if (phase != NULL)
    {
      _kedja_fhir_start_extension (x, EXT_PHASE);
      _kedja_fhir_coding (x, "valueCoding", CS_PHASE, phase, phase_displays[step->phase]);
      _kedja_fhir_end (x);
    }
  if (step->setting == KEDJA_CARE_SETTING_INPATIENT
      || step->setting == KEDJA_CARE_SETTING_OUTPATIENT)
    {
      gboolean inpatient = step->setting == KEDJA_CARE_SETTING_INPATIENT;

      _kedja_fhir_start_extension (x, EXT_SETTING);
      _kedja_fhir_coding (x, "valueCoding", CS_ACT_CODE, inpatient ? "IMP" : "AMB",
                          inpatient ? "inpatient encounter" : "ambulatory");
      _kedja_fhir_end (x);
    }
  for (guint i = 0; i < plan->handovers->len; i++)
    {
      const KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);

      if (g_strcmp0 (handover->from_step_id, step->id) == 0)
        write_handover (w, handover);
    }

  /* Detail order: kind, instantiates…, code, reason…, goal, status,
   * statusReason, doNotPerform, scheduled[x], location, performer, …,
   * description. */
  write_code (w, step->code);
  for (guint i = 0; i < step->goal_ids->len; i++)
    _kedja_fhir_reference (x, "goal", id_of (w, "goal", g_ptr_array_index (step->goal_ids, i)),
                           NULL);
  _kedja_fhir_primitive (x, "status",
                         mapped (w, KEDJA_TYPE_STEP_STATUS, step->status, activity_statuses));
  _kedja_fhir_period (x, "scheduledPeriod", kedja_step_get_start (step), kedja_step_get_end (step));
  if (step->agency_id != NULL)
    organization_reference (w, "performer", step->agency_id);
  if (contact != NULL)
    _kedja_fhir_person (x, "performer", "Practitioner", contact);
  _kedja_fhir_string (x, "description", about_client (w, step->title));
  _kedja_fhir_end (x);  /* detail */
  _kedja_fhir_end (x);  /* activity */
}

/* The plan runs from its first step's start to its last step's end,
 * leaving out cancelled steps as every rule does; one open-ended step
 * leaves the end open. */
static void
plan_period (const KedjaPlan *plan,
             KedjaDate       *out_start,
             KedjaDate       *out_end)
{
  KedjaDate first = KEDJA_DATE_NONE, last = KEDJA_DATE_NONE;
  gboolean open = FALSE;

  for (guint i = 0; i < plan->steps->len; i++)
    {
      const KedjaStep *step = g_ptr_array_index (plan->steps, i);
      KedjaDate start = kedja_step_get_start (step), end = kedja_step_get_end (step);

      if (step->status == KEDJA_STEP_STATUS_CANCELLED)
        continue;
      if (start != KEDJA_DATE_NONE && (first == KEDJA_DATE_NONE || start < first))
        first = start;
      if (end == KEDJA_DATE_NONE)
        open = TRUE;
      else if (end > last)
        last = end;
    }
  *out_start = first;
  *out_end = open ? KEDJA_DATE_NONE : last;
}

static void
write_plan_identifier (Writer *w)
{
  g_autofree char *urn = g_strconcat ("urn:uuid:", id_of (w, "plan", w->plan->id), NULL);

  _kedja_fhir_start (&w->x, "identifier");
  _kedja_fhir_primitive (&w->x, "system", SYSTEM_URI);
  _kedja_fhir_primitive (&w->x, "value", urn);
  _kedja_fhir_end (&w->x);
}

static void
write_care_plan (Writer *w)
{
  static const char * const statuses[] = { "draft", "active", "completed" };
  KedjaFhirXml *x = &w->x;
  const KedjaPlan *plan = w->plan;
  KedjaDate first, last;

  G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == KEDJA_PLAN_STATUS_CLOSED + 1);

  x->part = _("the plan");
  _kedja_fhir_start_entry (x, "CarePlan", id_of (w, "plan", plan->id));
  if (plan->revision > 0 && plan->revision <= G_MAXINT32)
    {
      g_autofree char *revision = g_strdup_printf ("%" G_GINT64_FORMAT, plan->revision);

      _kedja_fhir_start_extension (x, EXT_REVISION);
      _kedja_fhir_primitive (x, "valuePositiveInt", revision);
      _kedja_fhir_end (x);
    }
  _kedja_fhir_extension_date (x, EXT_NEED_RECORDED, plan->need_recorded);
  _kedja_fhir_extension_date (x, EXT_FOLLOW_UP, plan->follow_up);

  write_plan_identifier (w);
  _kedja_fhir_primitive (x, "status", mapped (w, KEDJA_TYPE_PLAN_STATUS, plan->status, statuses));
  _kedja_fhir_primitive (x, "intent", "plan");
  _kedja_fhir_string (x, "title", about_client (w, plan->title));
  _kedja_fhir_reference (x, "subject", patient_id (w), NULL);
  plan_period (plan, &first, &last);
  _kedja_fhir_period (x, "period", first, last);
  _kedja_fhir_date (x, "created", plan->created);
  /* The agency with the coordinating responsibility answers for the plan. */
  if (plan->coordinating_agency_id != NULL)
    organization_reference (w, "author", plan->coordinating_agency_id);
  _kedja_fhir_reference (x, "careTeam", id_of (w, "care-team", ""), NULL);
  if (own_goal_text (w) != NULL)
    _kedja_fhir_reference (x, "goal", id_of (w, "own-goal", ""), NULL);
  for (guint i = 0; i < plan->goals->len; i++)
    {
      const KedjaGoal *goal = g_ptr_array_index (plan->goals, i);

      _kedja_fhir_reference (x, "goal", id_of (w, "goal", goal->id), NULL);
    }

  x->part = _("the steps");
  for (guint i = 0; i < plan->steps->len; i++)
    write_activity (w, g_ptr_array_index (plan->steps, i));
  _kedja_fhir_end_entry (x);
}

/* Bundle.timestamp: @exported is seconds since the Unix epoch, in UTC. */
static void
write_timestamp (Writer *w)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (w->options->exported);
  g_autofree char *text = when != NULL ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  if (text == NULL && w->x.error == NULL)
    w->x.error = g_error_new (KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID,
                              _("The plan cannot be written as FHIR: the export time "
                                "is out of range"));
  _kedja_fhir_primitive (&w->x, "timestamp", text);
}

static void
write_bundle (Writer *w)
{
  KedjaFhirXml *x = &w->x;
  const KedjaPlan *plan = w->plan;

  x->part = _("the plan");
  _kedja_fhir_check (x, xmlTextWriterStartDocument (x->xml, NULL, "UTF-8", NULL));
  if (x->error == NULL)
    _kedja_fhir_check (x, xmlTextWriterStartElementNS (x->xml, NULL, BAD_CAST "Bundle",
                                                       BAD_CAST KEDJA_FHIR_NAMESPACE));
  /* The whole Bundle is about a person with a protected identity. */
  if (plan->client->protected_identity)
    write_confidential (w);
  write_plan_identifier (w);
  _kedja_fhir_primitive (x, "type", "collection");
  if (w->options->exported >= 0)
    write_timestamp (w);

  write_patient (w);
  x->part = _("the agencies");
  for (guint i = 0; i < plan->agencies->len; i++)
    write_organization (w, g_ptr_array_index (plan->agencies, i));
  write_care_team (w);
  x->part = _("the goals");
  write_own_goal (w);
  for (guint i = 0; i < plan->goals->len; i++)
    write_goal (w, g_ptr_array_index (plan->goals, i));
  x->part = _("the consents");
  for (guint i = 0; i < plan->consents->len; i++)
    write_consent (w, g_ptr_array_index (plan->consents, i), i);
  write_care_plan (w);

  _kedja_fhir_end (x);  /* Bundle */
  if (x->error == NULL)
    _kedja_fhir_check (x, xmlTextWriterEndDocument (x->xml));
}

GBytes *
kedja_fhir_write_plan (const KedjaPlan             *plan,
                       const KedjaFhirWriteOptions *options,
                       GError                     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(KedjaFhirIds) ids = NULL;
  g_autoptr(KedjaNameFilter) protect = NULL;
  Writer w = { { 0 } };
  xmlBufferPtr buffer;
  GBytes *bytes = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->today != KEDJA_DATE_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kedja_exchange_init ();

  /* What the model's own check guarantees is what the Bundle needs: every
   * reference resolves, and the ids derive from the plan's UUID. */
  if (!kedja_plan_validate (plan, &local_error))
    {
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID,
                   _("The plan cannot be written as FHIR: %s"), local_error->message);
      return NULL;
    }

  buffer = xmlBufferCreate ();
  w.x.xml = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (w.x.xml == NULL)
    {
      g_set_error_literal (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                           _("Could not put the FHIR document together: out of memory"));
      g_clear_pointer (&buffer, xmlBufferFree);
      return NULL;
    }
  xmlTextWriterSetIndent (w.x.xml, 1);
  xmlTextWriterSetIndentString (w.x.xml, BAD_CAST "  ");

  ids = _kedja_fhir_ids_new (plan);
  if (plan->client->protected_identity)
    protect = kedja_name_filter_new (plan->client);
  w.plan = plan;
  w.options = options;
  w.ids = ids;
  w.protect = protect;
  write_bundle (&w);

  /* Freeing the writer flushes what it still holds into the buffer. */
  xmlFreeTextWriter (w.x.xml);
  if (w.x.error == NULL)
    bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  else
    g_propagate_error (error, w.x.error);
  xmlBufferFree (buffer);
  return bytes;
}
