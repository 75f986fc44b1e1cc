/* kedja-enums.c — nicks and labels of the SIP enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-enums.h"
#include "kedja-enum-types.h"
#include "kedja-error.h"

/* "none" is how glib-mkenums names KEDJA_CARE_SETTING_NONE; it stands for an
 * absent attribute and is no value of the format. */
static gboolean
is_absent_value (GType type,
                 int   value)
{
  return type == KEDJA_TYPE_CARE_SETTING && value == KEDJA_CARE_SETTING_NONE;
}

const char *
kedja_enum_to_nick (GType type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  if (ev == NULL || is_absent_value (type, value))
    return NULL;
  return ev->value_nick;
}

gboolean
kedja_enum_from_nick (GType        type,
                      const char  *nick,
                      int         *out_value,
                      GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (ev != NULL && !is_absent_value (type, ev->value))
    {
      *out_value = ev->value;
      return TRUE;
    }

  if (error != NULL)
    {
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        {
          if (is_absent_value (type, klass->values[i].value))
            continue;
          if (allowed->len > 0)
            g_string_append (allowed, ", ");
          g_string_append (allowed, klass->values[i].value_nick);
        }
      g_set_error (error, KEDJA_MODEL_ERROR, KEDJA_MODEL_ERROR_INVALID_VALUE,
                   _("“%s” is not one of: %s"), nick ? nick : "", allowed->str);
    }
  return FALSE;
}

/* Each list has its own translation context: "Active" is "aktiv" for a
 * plan and "aktivt" for a goal in Swedish. */
#define LABEL(context, table, value) \
  ((guint) (value) < G_N_ELEMENTS (table) \
     ? g_dpgettext2 (GETTEXT_PACKAGE, context, table[value]) : "?")

const char *
kedja_plan_status_get_label (KedjaPlanStatus status)
{
  static const char *labels[] = {
    NC_("plan status", "Draft"), NC_("plan status", "Active"), NC_("plan status", "Closed"),
  };
  return LABEL ("plan status", labels, status);
}

const char *
kedja_agency_kind_get_label (KedjaAgencyKind kind)
{
  static const char *labels[] = {
    NC_("agency kind", "Social services"),
    NC_("agency kind", "Addiction care"),
    NC_("agency kind", "Psychiatry"),
    NC_("agency kind", "Primary care"),
    NC_("agency kind", "Prison and probation service"),
    NC_("agency kind", "Employment service"),
    NC_("agency kind", "Social insurance agency"),
    NC_("agency kind", "Housing provider"),
    NC_("agency kind", "Civil-society organisation"),
    NC_("agency kind", "Other"),
  };
  return LABEL ("agency kind", labels, kind);
}

const char *
kedja_role_get_label (KedjaRole role)
{
  static const char *labels[] = {
    NC_("role", "Coordinator"), NC_("role", "Participant"), NC_("role", "Client"), NC_("role", "Relative"),
    NC_("role", "Peer supporter"),
  };
  return LABEL ("role", labels, role);
}

const char *
kedja_phase_get_label (KedjaPhase phase)
{
  static const char *labels[] = {
    NC_("phase", "Detox"), NC_("phase", "Treatment"), NC_("phase", "Housing"), NC_("phase", "Employment"),
    NC_("phase", "Support and network"), NC_("phase", "Health"),
  };
  return LABEL ("phase", labels, phase);
}

const char *
kedja_step_status_get_label (KedjaStepStatus status)
{
  static const char *labels[] = {
    NC_("step status", "Planned"), NC_("step status", "Booked"), NC_("step status", "Ongoing"), NC_("step status", "Completed"),
    NC_("step status", "Interrupted"), NC_("step status", "Cancelled"),
  };
  return LABEL ("step status", labels, status);
}

const char *
kedja_domain_get_label (KedjaDomain domain)
{
  static const char *labels[] = {
    NC_("domain", "Control over use"),
    NC_("domain", "Housing"),
    NC_("domain", "Income and finances"),
    NC_("domain", "Occupation"),
    NC_("domain", "Health"),
    NC_("domain", "Family and children"),
    NC_("domain", "Relations and network"),
    NC_("domain", "Freedom from crime"),
    NC_("domain", "Meaning and identity"),
  };
  return LABEL ("domain", labels, domain);
}

const char *
kedja_goal_status_get_label (KedjaGoalStatus status)
{
  static const char *labels[] = {
    NC_("goal status", "Active"), NC_("goal status", "Reached"), NC_("goal status", "Dropped"),
  };
  return LABEL ("goal status", labels, status);
}

const char *
kedja_consent_form_get_label (KedjaConsentForm form)
{
  static const char *labels[] = {
    NC_("consent form", "Written"), NC_("consent form", "Oral"),
  };
  return LABEL ("consent form", labels, form);
}

const char *
kedja_care_setting_get_label (KedjaCareSetting setting)
{
  static const char *labels[] = {
    NC_("care setting", "Not stated"), NC_("care setting", "Inpatient"), NC_("care setting", "Outpatient"),
  };
  return LABEL ("care setting", labels, setting);
}

const char *
kedja_severity_get_label (KedjaSeverity severity)
{
  static const char *labels[] = {
    NC_("severity", "Notice"), NC_("severity", "Warning"), NC_("severity", "Critical"),
  };
  return LABEL ("severity", labels, severity);
}

const char *
kedja_severity_get_icon_name (KedjaSeverity severity)
{
  switch (severity)
    {
    case KEDJA_SEVERITY_CRITICAL:
      return "dialog-error-symbolic";
    case KEDJA_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case KEDJA_SEVERITY_NOTICE:
    default:
      return "dialog-information-symbolic";
    }
}

const char *
kedja_rule_get_label (KedjaRule rule)
{
  static const char *labels[] = {
    NC_("rule", "Uncovered days"),
    NC_("rule", "Gap at a handover"),
    NC_("rule", "Released before taken over"),
    NC_("rule", "Unconfirmed handover"),
    NC_("rule", "No next step"),
    NC_("rule", "No housing after treatment"),
    NC_("rule", "No responsible agency"),
    NC_("rule", "No coordinator"),
    NC_("rule", "Follow-up missing"),
    NC_("rule", "Consent missing"),
    NC_("rule", "Children not addressed"),
    NC_("rule", "Own goal missing"),
    NC_("rule", "Overlap"),
    NC_("rule", "Long wait"),
  };
  return LABEL ("rule", labels, rule);
}

const char *
kedja_phase_get_definite (KedjaPhase phase)
{
  static const char *labels[] = {
    NC_("phase, definite", "the detox"),
    NC_("phase, definite", "the treatment"),
    NC_("phase, definite", "the housing"),
    NC_("phase, definite", "the employment step"),
    NC_("phase, definite", "the support"),
    NC_("phase, definite", "the health care"),
  };
  return LABEL ("phase, definite", labels, phase);
}
