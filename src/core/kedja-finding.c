/* kedja-finding.c — what a finding says to the people at the table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every message names the steps, the agencies and the days, and every
 * action says what to do by when: alerts alone do not change practice, a
 * finding must make the fix obvious.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-analysis.h"
#include "kedja-util.h"

/* "the detox at Beroendekliniken", or "the detox “Avgiftning”" when no
 * agency is responsible. */
static char *
describe_step (const KedjaStep *step,
               const KedjaPlan *plan)
{
  const char *definite = kedja_phase_get_definite (step->phase);
  const char *agency = kedja_plan_get_agency_name (plan, step->agency_id);

  if (*agency != '\0')
    /* TRANSLATORS: a step by its phase and agency: "the detox at Beroendekliniken" */
    return g_strdup_printf (C_("step", "%s at %s"), definite, agency);
  /* TRANSLATORS: a step by its phase and title: "the detox “Avgiftning”" */
  return g_strdup_printf (C_("step", "%s “%s”"), definite, step->title);
}

/* Who is on the receiving end: the agency, else the step by its title. */
static char *
describe_receiver (const KedjaStep *step,
                   const KedjaPlan *plan)
{
  const char *agency = kedja_plan_get_agency_name (plan, step->agency_id);

  if (*agency != '\0')
    return g_strdup (agency);
  return g_strdup_printf (C_("step", "the agency of “%s”"), step->title);
}

static char *
short_date (KedjaDate date)
{
  return kedja_date_to_short_display (date);
}

static char *
format_handover_message (const KedjaFinding *f,
                         const KedjaPlan    *plan)
{
  g_autofree char *from = describe_step (f->step, plan);
  g_autofree char *to = describe_step (f->next_step, plan);
  g_autofree char *receiver = describe_receiver (f->next_step, plan);
  g_autofree char *range = kedja_date_range_to_display (f->start, f->end);
  g_autofree char *end = short_date (kedja_step_get_end (f->step));
  g_autofree char *planned = short_date (f->handover->planned);
  g_autofree char *confirmed = short_date (f->handover->confirmed);

  switch (f->rule)
    {
    case KEDJA_RULE_HANDOVER_GAP:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u day between %s and %s (%s)",
                                           "%u days between %s and %s (%s)", f->days),
                              f->days, from, to, range);
    case KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER:
      if (f->handover->confirmed != KEDJA_DATE_NONE)
        return g_strdup_printf (_("%s confirmed taking over on %s, after %s ended on %s"),
                                receiver, confirmed, from, end);
      if (kedja_step_get_end (f->step) == KEDJA_DATE_NONE)
        return g_strdup_printf (_("%s has ended, and %s has not confirmed taking over"),
                                from, receiver);
      return g_strdup_printf (_("%s ended on %s, and %s has not confirmed taking over"),
                              from, end, receiver);
    case KEDJA_RULE_UNCONFIRMED_HANDOVER:
      if (f->severity == KEDJA_SEVERITY_CRITICAL)
        return g_strdup_printf (_("The handover from %s to %s, planned for %s, was never confirmed"),
                                from, to, planned);
      return g_strdup_printf (_("The handover from %s to %s on %s is not confirmed yet"),
                              from, to, planned);
    default:
      g_assert_not_reached ();
    }
}

static char *
write_message (const KedjaFinding *f,
               const KedjaPlan    *plan)
{
  g_autofree char *step = NULL, *next = NULL, *range = NULL, *end = NULL;

  if (f->step != NULL)
    {
      step = describe_step (f->step, plan);
      end = short_date (kedja_step_get_end (f->step));
    }
  if (f->next_step != NULL)
    next = describe_step (f->next_step, plan);
  range = kedja_date_range_to_display (f->start, f->end);

  switch (f->rule)
    {
    case KEDJA_RULE_UNCOVERED_DAYS:
      /* TRANSLATORS: "8 days without any step after the detox at Beroendekliniken (11–18 Sep)" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u day without any step after %s (%s)",
                                           "%u days without any step after %s (%s)", f->days),
                              f->days, step, range);
    case KEDJA_RULE_HANDOVER_GAP:
    case KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER:
    case KEDJA_RULE_UNCONFIRMED_HANDOVER:
      return format_handover_message (f, plan);
    case KEDJA_RULE_NO_NEXT_STEP:
      return g_strdup_printf (_("Nothing follows %s, which ends on %s"), step, end);
    case KEDJA_RULE_NO_HOUSING_AFTER_TREATMENT:
      if (f->start != KEDJA_DATE_NONE)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "No housing for %u day after %s (%s)",
                                             "No housing for %u days after %s (%s)", f->days),
                                f->days, step, range);
      return g_strdup_printf (_("No housing after %s, which ends on %s"), step, end);
    case KEDJA_RULE_NO_RESPONSIBLE:
      return g_strdup_printf (_("No agency is responsible for the step “%s”"), f->step->title);
    case KEDJA_RULE_NO_COORDINATOR:
      return g_strdup (_("No agency holds the coordinating responsibility"));
    case KEDJA_RULE_FOLLOW_UP_MISSING:
      if (plan->follow_up == KEDJA_DATE_NONE)
        return g_strdup (_("The plan has no follow-up date"));
      else
        {
          g_autofree char *when = short_date (plan->follow_up);
          return g_strdup_printf (_("The follow-up on %s has passed"), when);
        }
    case KEDJA_RULE_CONSENT_MISSING:
      return g_strdup_printf (_("No consent in force for sharing information with %s"),
                              kedja_plan_get_agency_name (plan, f->agency_id));
    case KEDJA_RULE_CHILDREN_NOT_ADDRESSED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The client has %u child under 18, but the plan has no goal for family and children",
                                           "The client has %u children under 18, but the plan has no goal for family and children",
                                           plan->client->children_under_18),
                              plan->client->children_under_18);
    case KEDJA_RULE_OWN_GOAL_MISSING:
      return g_strdup (_("The plan has no goal in the client’s own words"));
    case KEDJA_RULE_OVERLAP:
      if (f->end == KEDJA_DATE_NONE)
        return g_strdup_printf (_("“%s” and “%s” overlap (%s)"), f->step->title,
                                f->next_step->title, range);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "“%s” and “%s” overlap by %u day (%s)",
                                           "“%s” and “%s” overlap by %u days (%s)", f->days),
                              f->step->title, f->next_step->title, f->days, range);
    case KEDJA_RULE_LONG_WAIT:
      if (f->next_step == NULL)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u day since the need was recorded, and no step is planned yet",
                                             "%u days since the need was recorded, and no step is planned yet",
                                             f->days),
                                f->days);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u day from the need being recorded to the first step (%s)",
                                           "%u days from the need being recorded to the first step (%s)",
                                           f->days),
                              f->days, range);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A message may open with a step ("the treatment at … ended"): a sentence
 * still starts with a capital letter. */
static char *
capitalise (char *text)
{
  gunichar first = g_utf8_get_char (text);
  gunichar upper = g_unichar_toupper (first);
  char head[8] = { 0 };
  char *result;

  if (upper == first)
    return text;
  g_unichar_to_utf8 (upper, head);
  result = g_strconcat (head, g_utf8_next_char (text), NULL);
  g_free (text);
  return result;
}

char *
kedja_finding_format_message (const KedjaFinding *f,
                              const KedjaPlan    *plan)
{
  g_return_val_if_fail (f != NULL && plan != NULL, NULL);

  return capitalise (write_message (f, plan));
}

char *
kedja_finding_format_action (const KedjaFinding *f,
                             const KedjaPlan    *plan)
{
  g_autofree char *first_day = NULL, *receiver = NULL;

  g_return_val_if_fail (f != NULL && plan != NULL, NULL);

  first_day = short_date (f->start);
  if (f->next_step != NULL)
    receiver = describe_receiver (f->next_step, plan);

  switch (f->rule)
    {
    case KEDJA_RULE_UNCOVERED_DAYS:
      /* TRANSLATORS: "Book the start of the treatment by 11 Sep, or add a bridging step" */
      return g_strdup_printf (_("Book the start of %s by %s, or add a bridging step"),
                              kedja_phase_get_definite (f->next_step->phase), first_day);
    case KEDJA_RULE_HANDOVER_GAP:
      return g_strdup_printf (_("Move the start of %s to %s, or add a bridging step"),
                              kedja_phase_get_definite (f->next_step->phase), first_day);
    case KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER:
      if (f->handover->confirmed != KEDJA_DATE_NONE)
        return g_strdup_printf (_("Agree with %s that handovers are confirmed before the sending step ends"),
                                receiver);
      return g_strdup_printf (_("Ask %s to confirm taking over today, then mark the handover confirmed"),
                              receiver);
    case KEDJA_RULE_UNCONFIRMED_HANDOVER:
      return g_strdup_printf (_("Ask %s to confirm the handover, then mark it confirmed"), receiver);
    case KEDJA_RULE_NO_NEXT_STEP:
      {
        g_autofree char *end = short_date (kedja_step_get_end (f->step));
        return g_strdup_printf (_("Plan the next step and its handover before %s"), end);
      }
    case KEDJA_RULE_NO_HOUSING_AFTER_TREATMENT:
      {
        g_autofree char *after = short_date (kedja_step_get_end (f->step) + 1);
        return g_strdup_printf (_("Arrange housing from %s"), after);
      }
    case KEDJA_RULE_NO_RESPONSIBLE:
      return g_strdup_printf (_("Name the agency responsible for “%s”"), f->step->title);
    case KEDJA_RULE_NO_COORDINATOR:
      return g_strdup (_("Agree at the SIP meeting which agency holds the coordinating responsibility, and name the coordinator"));
    case KEDJA_RULE_FOLLOW_UP_MISSING:
      return g_strdup (_("Set the date of the next follow-up"));
    case KEDJA_RULE_CONSENT_MISSING:
      return g_strdup_printf (_("Ask the client for consent to share information with %s; until then nothing may be sent there"),
                              kedja_plan_get_agency_name (plan, f->agency_id));
    case KEDJA_RULE_CHILDREN_NOT_ADDRESSED:
      return g_strdup (_("Add a goal for family and children together with the client"));
    case KEDJA_RULE_OWN_GOAL_MISSING:
      return g_strdup (_("Write down the client’s own goal, in their own words"));
    case KEDJA_RULE_OVERLAP:
      return g_strdup (_("Check that both are meant, or end one before the other starts"));
    case KEDJA_RULE_LONG_WAIT:
      return g_strdup (_("Start the first step sooner, or offer support while the person waits"));
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
kedja_finding_format_actor (const KedjaFinding *f,
                            const KedjaPlan    *plan)
{
  const char *agency;

  g_return_val_if_fail (f != NULL && plan != NULL, NULL);

  agency = kedja_plan_get_agency_name (plan, f->actor_id);
  if (*agency != '\0')
    return g_strdup (agency);
  if (!kedja_str_is_blank (plan->coordinator))
    /* TRANSLATORS: who should act: "the coordinator, Maria Lind" */
    return g_strdup_printf (_("the coordinator, %s"), plan->coordinator);
  agency = kedja_plan_get_agency_name (plan, plan->coordinating_agency_id);
  if (*agency != '\0')
    return g_strdup_printf (_("the coordinator at %s"), agency);
  /* Nobody coordinates: the meeting must decide. */
  return g_strdup (_("the SIP meeting"));
}
