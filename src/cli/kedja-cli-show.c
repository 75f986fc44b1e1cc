/* kedja-cli-show.c — `kedja-cli show PLAN-ID`: one plan, for a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan as a coordinator would read it aloud at a SIP meeting: who it
 * is for, who holds it together, the chain step by step, the handovers and
 * whether they are confirmed, and what the person has agreed to share.
 * A protected identity shows neither name nor number, and no relative's
 * name either, since a surname can give the person away.
 */
#define G_LOG_DOMAIN "kedja-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kedja-cli.h"

typedef struct {
  GString         *out;
  const KedjaPlan *plan;
  KedjaDate        today;
} Show;

static const char *
date_or_dash (KedjaDate date,
              char      buf[KEDJA_DATE_STRLEN])
{
  if (date == KEDJA_DATE_NONE)
    return "–";
  kedja_date_format (date, buf);
  return buf;
}

/* "YYYYMMDD-XXXX": enough to tell two people apart in a meeting, not
 * enough to be a number that leaves the room. */
static char *
masked_number (const char *number)
{
  return g_strdup_printf ("%.8s-XXXX", number);
}

static const char *
agency_name (const Show *show,
             const char *agency_id)
{
  const char *name = kedja_plan_get_agency_name (show->plan, agency_id);
  return *name ? name : _("no agency");
}

/* Labelled lines of the plan's head, aligned on the longest label. */
typedef struct {
  const char *label;
  char       *value;
} Field;

static void
add_field (GArray     *fields,
           const char *label,
           char       *value)  /* (transfer full) (nullable): skipped when NULL */
{
  Field field = { label, value };

  if (value != NULL)
    g_array_append_val (fields, field);
}

static void
clear_field (gpointer data)
{
  g_free (((Field *) data)->value);
}

static char *
describe_client (const KedjaClient *client)
{
  GString *text;

  if (client->protected_identity)
    return g_strdup (kedja_client_display_name (client->name, TRUE));

  text = g_string_new (client->name);
  if (client->personal_number != NULL)
    {
      g_autofree char *masked = masked_number (client->personal_number);
      g_string_append_printf (text, ", %s", masked);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_household (const KedjaClient *client)
{
  GString *text = g_string_new (NULL);

  if (client->children_under_18 > 0)
    g_string_append_printf (text, ngettext ("%u child under 18", "%u children under 18",
                                            client->children_under_18),
                            client->children_under_18);
  if (client->relatives_involved)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", _("relatives involved"));
  g_string_append_printf (text, "%s%s", text->len ? " · " : "",
                          client->has_own_housing ? _("has own housing") : _("no own housing"));
  return g_string_free (text, FALSE);
}

static void
show_head (Show *show)
{
  const KedjaPlan *plan = show->plan;
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (Field));
  const char *district;
  char a[KEDJA_DATE_STRLEN];
  guint width = 0;

  g_array_set_clear_func (fields, clear_field);
  g_string_append_printf (show->out, "%s\n\n", plan->title);

  /* A plain format, as xgettext cannot read G_GINT64_FORMAT. */
  add_field (fields, _("Plan"), g_strdup_printf (_("%s (revision %lld)"),
                                                 plan->id, (long long) plan->revision));
  add_field (fields, _("Status"), g_strdup (kedja_plan_status_get_label (plan->status)));
  add_field (fields, _("Created"), g_strdup (date_or_dash (plan->created, a)));
  add_field (fields, _("Client"), describe_client (plan->client));
  district = kedja_client_display_district (plan->client->district,
                                            plan->client->protected_identity);
  add_field (fields, _("District"), g_strdup (district ? district : "–"));
  add_field (fields, _("Household"), describe_household (plan->client));
  add_field (fields, _("Need recorded"), g_strdup (date_or_dash (plan->need_recorded, a)));
  if (plan->coordinating_agency_id != NULL)
    add_field (fields, _("Coordination"),
               plan->coordinator
                 ? g_strdup_printf ("%s – %s", agency_name (show, plan->coordinating_agency_id),
                                    plan->coordinator)
                 : g_strdup (agency_name (show, plan->coordinating_agency_id)));
  else
    add_field (fields, _("Coordination"), g_strdup (_("nobody has the coordinating responsibility")));
  add_field (fields, _("Own goal"),
             plan->own_goal ? g_strdup_printf (_("“%s”"), plan->own_goal)
                            : g_strdup (_("not written down")));
  if (plan->follow_up == KEDJA_DATE_NONE)
    add_field (fields, _("Next follow-up"), g_strdup (_("none set")));
  else if (plan->follow_up < show->today && plan->status == KEDJA_PLAN_STATUS_ACTIVE)
    add_field (fields, _("Next follow-up"),
               g_strdup_printf (_("%s (overdue)"), date_or_dash (plan->follow_up, a)));
  else
    add_field (fields, _("Next follow-up"), g_strdup (date_or_dash (plan->follow_up, a)));

  for (guint i = 0; i < fields->len; i++)
    {
      guint label_width = kedja_cli_text_width (g_array_index (fields, Field, i).label);
      width = MAX (width, label_width);
    }
  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = &g_array_index (fields, Field, i);
      g_autofree char *label = g_strdup_printf (_("%s:"), field->label);

      g_string_append (show->out, "  ");
      kedja_cli_append_padded (show->out, label, width + 3, FALSE);
      g_string_append_printf (show->out, "%s\n", field->value);
    }
}

static int
compare_chain_order (gconstpointer a,
                     gconstpointer b)
{
  const KedjaStep *x = *(KedjaStep **) a, *y = *(KedjaStep **) b;
  KedjaDate xs = kedja_step_get_start (x), ys = kedja_step_get_start (y);

  if (x->phase != y->phase)
    return x->phase < y->phase ? -1 : 1;
  if (xs != ys)
    return xs < ys ? -1 : 1;
  return g_strcmp0 (x->title, y->title);
}

/* The dates the chain runs on (actual where known), and the planned ones
 * when they differ. */
static char *
describe_step_dates (const KedjaStep *step)
{
  char s[KEDJA_DATE_STRLEN], e[KEDJA_DATE_STRLEN], ps[KEDJA_DATE_STRLEN], pe[KEDJA_DATE_STRLEN];
  KedjaDate start = kedja_step_get_start (step), end = kedja_step_get_end (step);
  const char *end_text = end == KEDJA_DATE_NONE ? _("open-ended") : date_or_dash (end, e);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s – %s", date_or_dash (start, s), end_text);
  if (step->planned_start != start || step->planned_end != end)
    g_string_append_printf (text, _(" (planned %s – %s)"), date_or_dash (step->planned_start, ps),
                            step->planned_end == KEDJA_DATE_NONE ? _("open-ended")
                                                                 : date_or_dash (step->planned_end, pe));
  return g_string_free (text, FALSE);
}

static void
show_steps (Show *show)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  guint width = 0;

  for (guint i = 0; i < show->plan->steps->len; i++)
    g_ptr_array_add (steps, g_ptr_array_index (show->plan->steps, i));
  g_ptr_array_sort (steps, compare_chain_order);
  for (guint p = 0; p < KEDJA_N_PHASES; p++)
    {
      guint label_width = kedja_cli_text_width (kedja_phase_get_label ((KedjaPhase) p));
      width = MAX (width, label_width);
    }

  g_string_append_printf (show->out, "\n%s (%u)\n", _("Steps in chain order"), steps->len);
  for (guint i = 0; i < steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (steps, i);
      g_autofree char *dates = describe_step_dates (step);
      GString *out = show->out;

      g_string_append (out, "  ");
      kedja_cli_append_padded (out, kedja_phase_get_label (step->phase), width + 2, FALSE);
      g_string_append_printf (out, "%s\n", step->title);

      g_string_append_printf (out, "  %*s%s · %s", width + 2, "", dates,
                              kedja_step_status_get_label (step->status));
      if (step->setting != KEDJA_CARE_SETTING_NONE)
        g_string_append_printf (out, " · %s", kedja_care_setting_get_label (step->setting));
      g_string_append_c (out, '\n');

      g_string_append_printf (out, "  %*s%s", width + 2, "",
                              step->agency_id ? agency_name (show, step->agency_id)
                                              : _("no responsible agency"));
      if (step->contact)
        g_string_append_printf (out, " (%s)", step->contact);
      if (step->code)
        g_string_append_printf (out, _(" · code %s"), step->code);
      g_string_append_c (out, '\n');
    }
}

static void
show_handovers (Show *show)
{
  const KedjaPlan *plan = show->plan;

  if (plan->handovers->len == 0)
    return;
  g_string_append_printf (show->out, "\n%s (%u)\n", _("Handovers"), plan->handovers->len);
  for (guint i = 0; i < plan->handovers->len; i++)
    {
      KedjaHandover *h = g_ptr_array_index (plan->handovers, i);
      KedjaStep *from = kedja_plan_find_step (plan, h->from_step_id);
      KedjaStep *to = kedja_plan_find_step (plan, h->to_step_id);
      char a[KEDJA_DATE_STRLEN], b[KEDJA_DATE_STRLEN];

      g_string_append_printf (show->out, "  %s → %s\n", from ? from->title : "?",
                              to ? to->title : "?");
      g_string_append_printf (show->out, _("    planned %s"), date_or_dash (h->planned, a));
      if (h->meeting != KEDJA_DATE_NONE)
        g_string_append_printf (show->out, _(" · handover meeting %s"), date_or_dash (h->meeting, a));
      if (h->confirmed != KEDJA_DATE_NONE && h->confirmed_by != NULL)
        g_string_append_printf (show->out, _(" · confirmed %s by %s"),
                                date_or_dash (h->confirmed, b), h->confirmed_by);
      else if (h->confirmed != KEDJA_DATE_NONE)
        g_string_append_printf (show->out, _(" · confirmed %s"), date_or_dash (h->confirmed, b));
      else
        g_string_append_printf (show->out, " · %s", _("NOT CONFIRMED"));
      g_string_append_c (show->out, '\n');
    }
}

static void
show_consents (Show *show)
{
  const KedjaPlan *plan = show->plan;

  g_string_append_printf (show->out, "\n%s (%u)\n", _("Consents"), plan->consents->len);
  for (guint i = 0; i < plan->consents->len; i++)
    {
      KedjaConsent *c = g_ptr_array_index (plan->consents, i);
      char a[KEDJA_DATE_STRLEN], b[KEDJA_DATE_STRLEN];
      GString *out = show->out;

      g_string_append_printf (out, "  %s\n    ", agency_name (show, c->agency_id));
      g_string_append_printf (out, _("%s, given %s"), kedja_consent_form_get_label (c->form),
                              date_or_dash (c->given, a));
      if (c->expires != KEDJA_DATE_NONE)
        g_string_append_printf (out, _(", expires %s"), date_or_dash (c->expires, b));
      if (c->withdrawn != KEDJA_DATE_NONE)
        g_string_append_printf (out, _(", withdrawn %s"), date_or_dash (c->withdrawn, b));
      g_string_append_printf (out, " · %s\n",
                              kedja_consent_in_force (c, show->today) ? _("in force today")
                                                                       : _("NOT in force today"));
      if (c->exclusion)
        g_string_append_printf (out, _("    Not to be shared: %s\n"), c->exclusion);
    }
}

static void
show_goals (Show *show)
{
  const KedjaPlan *plan = show->plan;

  g_string_append_printf (show->out, "\n%s (%u)\n", _("Goals"), plan->goals->len);
  for (guint i = 0; i < plan->goals->len; i++)
    {
      KedjaGoal *goal = g_ptr_array_index (plan->goals, i);
      char a[KEDJA_DATE_STRLEN];

      g_string_append_printf (show->out, "  %s: %s", kedja_domain_get_label (goal->domain),
                              goal->statement);
      if (goal->target != KEDJA_DATE_NONE)
        g_string_append_printf (show->out, _(" (target %s, %s)"), date_or_dash (goal->target, a),
                                kedja_goal_status_get_label (goal->status));
      else
        g_string_append_printf (show->out, " (%s)", kedja_goal_status_get_label (goal->status));
      g_string_append_c (show->out, '\n');
    }
}

static void
show_people (Show *show)
{
  const KedjaPlan *plan = show->plan;
  gboolean hide = plan->client->protected_identity;
  char a[KEDJA_DATE_STRLEN];

  g_string_append_printf (show->out, "\n%s (%u)\n", _("Participants"), plan->participants->len);
  for (guint i = 0; i < plan->participants->len; i++)
    {
      KedjaParticipant *p = g_ptr_array_index (plan->participants, i);
      const char *name = p->role == KEDJA_ROLE_RELATIVE && hide ? NULL : p->name;

      g_string_append_printf (show->out, "  %s", kedja_role_get_label (p->role));
      if (name)
        g_string_append_printf (show->out, ": %s", name);
      if (p->agency_id)
        g_string_append_printf (show->out, "%s%s", name ? ", " : ": ",
                                agency_name (show, p->agency_id));
      g_string_append_c (show->out, '\n');
    }

  if (plan->meetings->len > 0)
    {
      g_string_append_printf (show->out, "\n%s (%u)\n", _("SIP meetings"), plan->meetings->len);
      for (guint i = 0; i < plan->meetings->len; i++)
        {
          KedjaMeeting *m = g_ptr_array_index (plan->meetings, i);
          g_string_append_printf (show->out, "  %s: ", date_or_dash (m->date, a));
          g_string_append_printf (show->out, ngettext ("%u present", "%u present",
                                                       m->attendees->len),
                                  m->attendees->len);
          g_string_append_c (show->out, '\n');
        }
    }
}

/* The client's own ratings at the latest follow-up: results, not only
 * processes. */
static void
show_ratings (Show *show)
{
  const KedjaPlan *plan = show->plan;
  KedjaDate latest = KEDJA_DATE_NONE;
  char a[KEDJA_DATE_STRLEN];

  for (guint i = 0; i < plan->ratings->len; i++)
    latest = MAX (latest, ((KedjaRating *) g_ptr_array_index (plan->ratings, i))->date);
  if (latest == KEDJA_DATE_NONE)
    return;

  g_string_append_printf (show->out, "\n%s\n", _("Own ratings at the latest follow-up"));
  g_string_append_printf (show->out, "  %s:", date_or_dash (latest, a));
  for (guint i = 0; i < plan->ratings->len; i++)
    {
      KedjaRating *r = g_ptr_array_index (plan->ratings, i);
      if (r->date == latest)
        g_string_append_printf (show->out, " %s %u;", kedja_domain_get_label (r->domain), r->value);
    }
  g_string_truncate (show->out, show->out->len - 1);
  g_string_append_c (show->out, '\n');
}

int
kedja_cli_show (KedjaCli *cli,
                int       argc,
                char    **argv)
{
  g_autofree char *today_text = NULL;
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  KedjaStore *store;
  Show show = { 0 };
  GOptionEntry entries[] = {
    { "today", 't', 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge consents and the follow-up as on this day (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!kedja_cli_parse_options (cli, entries, &argc, &argv))
    return KEDJA_CLI_EXIT_ERROR;
  if (argc < 2)
    return kedja_cli_fail (_("show needs the id of a plan; “kedja-cli list” shows them"));
  if (argc > 2)
    return kedja_cli_fail (_("show takes one plan id, but was also given “%s”"), argv[2]);

  show.today = kedja_date_today ();
  if (today_text != NULL && !kedja_cli_parse_date ("--today", today_text, &show.today, &error))
    return kedja_cli_fail_error (error);

  store = kedja_cli_get_store (cli, &error);
  if (store == NULL)
    return kedja_cli_fail_error (error);
  plan = kedja_store_load_plan (store, argv[1], &error);
  if (plan == NULL)
    return kedja_cli_fail_error (error);

  out = g_string_new (NULL);
  show.out = out;
  show.plan = plan;
  show_head (&show);
  show_steps (&show);
  show_handovers (&show);
  show_consents (&show);
  show_goals (&show);
  show_people (&show);
  show_ratings (&show);
  return kedja_cli_write (out) ? KEDJA_CLI_EXIT_OK : KEDJA_CLI_EXIT_ERROR;
}
