/* kedja-plan-diff.c — what changed between two versions of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit log keeps "before → after" for every change. Free texts that may
 * hold sensitive details (notes, the identity number) are reported as
 * changed without their content, so the log does not become a second copy
 * of the record.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kedja-enum-types.h"
#include "kedja-plan.h"
#include "kedja-util.h"

static void
text_change (GString    *out,
             const char *prefix,
             const char *field,
             const char *before,
             const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return;
  g_string_append_printf (out, "%s%s: %s → %s\n", prefix, field,
                          before ? before : "–", after ? after : "–");
}

static void
hidden_change (GString    *out,
               const char *prefix,
               const char *field,
               const char *before,
               const char *after)
{
  if (g_strcmp0 (before, after) != 0)
    g_string_append_printf (out, _("%s%s changed\n"), prefix, field);
}

static void
date_change (GString    *out,
             const char *prefix,
             const char *field,
             KedjaDate   before,
             KedjaDate   after)
{
  char b[KEDJA_DATE_STRLEN], a[KEDJA_DATE_STRLEN];

  if (before == after)
    return;
  kedja_date_format (before, b);
  kedja_date_format (after, a);
  text_change (out, prefix, field, before ? b : NULL, after ? a : NULL);
}

static void
enum_change (GString    *out,
             const char *prefix,
             const char *field,
             GType       type,
             int         before,
             int         after)
{
  if (before != after)
    text_change (out, prefix, field, kedja_enum_to_nick (type, before),
                 kedja_enum_to_nick (type, after));
}

static void
flag_change (GString    *out,
             const char *prefix,
             const char *field,
             gboolean    before,
             gboolean    after)
{
  if (!before != !after)
    text_change (out, prefix, field, before ? "true" : "false", after ? "true" : "false");
}

static void
describe_client (GString           *out,
                 const KedjaClient *a,
                 const KedjaClient *b)
{
  const char *p = _("Client: ");
  char ca[16], cb[16];

  text_change (out, p, _("name"), a->name, b->name);
  hidden_change (out, p, _("identity number"), a->personal_number, b->personal_number);
  flag_change (out, p, _("protected identity"), a->protected_identity, b->protected_identity);
  text_change (out, p, _("district"), a->district, b->district);
  g_snprintf (ca, sizeof ca, "%u", a->children_under_18);
  g_snprintf (cb, sizeof cb, "%u", b->children_under_18);
  text_change (out, p, _("children under 18"), ca, cb);
  flag_change (out, p, _("relatives involved"), a->relatives_involved, b->relatives_involved);
  flag_change (out, p, _("own housing"), a->has_own_housing, b->has_own_housing);
}

static void
describe_step (GString         *out,
               const KedjaPlan *plan_a,
               const KedjaPlan *plan_b,
               const KedjaStep *a,
               const KedjaStep *b)
{
  g_autofree char *p = g_strdup_printf (_("Step “%s”: "), b->title);

  text_change (out, p, _("title"), a->title, b->title);
  enum_change (out, p, _("phase"), KEDJA_TYPE_PHASE, a->phase, b->phase);
  enum_change (out, p, _("status"), KEDJA_TYPE_STEP_STATUS, a->status, b->status);
  text_change (out, p, _("responsible agency"),
               a->agency_id ? kedja_plan_get_agency_name (plan_a, a->agency_id) : NULL,
               b->agency_id ? kedja_plan_get_agency_name (plan_b, b->agency_id) : NULL);
  text_change (out, p, _("contact"), a->contact, b->contact);
  enum_change (out, p, _("setting"), KEDJA_TYPE_CARE_SETTING, a->setting, b->setting);
  text_change (out, p, _("code"), a->code, b->code);
  date_change (out, p, _("planned start"), a->planned_start, b->planned_start);
  date_change (out, p, _("planned end"), a->planned_end, b->planned_end);
  date_change (out, p, _("actual start"), a->actual_start, b->actual_start);
  date_change (out, p, _("actual end"), a->actual_end, b->actual_end);
  if (!kedja_strv_array_equal (a->goal_ids, b->goal_ids))
    g_string_append_printf (out, _("%slinked goals changed\n"), p);
  hidden_change (out, p, _("note"), a->note, b->note);
}

static void
describe_steps (GString         *out,
                const KedjaPlan *a,
                const KedjaPlan *b)
{
  for (guint i = 0; i < b->steps->len; i++)
    {
      KedjaStep *after = g_ptr_array_index (b->steps, i);
      KedjaStep *before = kedja_plan_find_step (a, after->id);

      if (before == NULL)
        g_string_append_printf (out, _("Step added: “%s”\n"), after->title);
      else
        describe_step (out, a, b, before, after);
    }
  for (guint i = 0; i < a->steps->len; i++)
    {
      KedjaStep *before = g_ptr_array_index (a->steps, i);

      if (kedja_plan_find_step (b, before->id) == NULL)
        g_string_append_printf (out, _("Step removed: “%s”\n"), before->title);
    }
}

/* Lists without ids of their own are reported as a whole. */
static void
list_change (GString       *out,
             const char    *what,
             GPtrArray     *a,
             GPtrArray     *b,
             KedjaEqualFunc equal)
{
  if (!kedja_ptr_array_equal (a, b, equal))
    g_string_append_printf (out, _("%s changed (%u → %u)\n"), what, a->len, b->len);
}

char *
kedja_plan_describe_changes (const KedjaPlan *a,
                             const KedjaPlan *b)
{
  GString *out = g_string_new (NULL);
  const char *p = "";

  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  text_change (out, p, _("Title"), a->title, b->title);
  enum_change (out, p, _("Status"), KEDJA_TYPE_PLAN_STATUS, a->status, b->status);
  describe_client (out, a->client, b->client);
  hidden_change (out, p, _("Own goal"), a->own_goal, b->own_goal);
  date_change (out, p, _("Need recorded"), a->need_recorded, b->need_recorded);
  text_change (out, p, _("Coordinating agency"),
               a->coordinating_agency_id
                 ? kedja_plan_get_agency_name (a, a->coordinating_agency_id) : NULL,
               b->coordinating_agency_id
                 ? kedja_plan_get_agency_name (b, b->coordinating_agency_id) : NULL);
  text_change (out, p, _("Coordinator"), a->coordinator, b->coordinator);
  date_change (out, p, _("Follow-up"), a->follow_up, b->follow_up);
  describe_steps (out, a, b);
  list_change (out, _("Participants"), a->participants, b->participants,
               (KedjaEqualFunc) kedja_participant_equal);
  list_change (out, _("Consents"), a->consents, b->consents,
               (KedjaEqualFunc) kedja_consent_equal);
  list_change (out, _("Goals"), a->goals, b->goals, (KedjaEqualFunc) kedja_goal_equal);
  list_change (out, _("Handovers"), a->handovers, b->handovers,
               (KedjaEqualFunc) kedja_handover_equal);
  list_change (out, _("SIP meetings"), a->meetings, b->meetings,
               (KedjaEqualFunc) kedja_meeting_equal);
  list_change (out, _("Ratings"), a->ratings, b->ratings, (KedjaEqualFunc) kedja_rating_equal);

  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
