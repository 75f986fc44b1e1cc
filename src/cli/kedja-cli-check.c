/* kedja-cli-check.c — `kedja-cli check`: the gaps in one plan or in all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gap analysis for people and for scripts. Text is what a coordinator
 * reads before a SIP meeting: plan by plan, each finding with its severity
 * as a symbol and a word (a symbol alone says nothing to a screen reader
 * or on a black-and-white printout), the days it covers, what is wrong,
 * and what to do by whom. CSV and JSON carry the same findings with rule
 * and severity ids for programs; their messages are in the user's
 * language too, since they are read by people at the end.
 *
 * With --fail-on, a script (a nightly job, a CI of the city's own) learns
 * from the exit status alone whether something needs a person today.
 */
#define G_LOG_DOMAIN "kedja-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kedja-cli.h"

/* One plan analysed: its findings are findings[first .. first + n). */
typedef struct {
  KedjaPlan *plan;
  guint      first;
  guint      n;
  char      *sort_key;
} Checked;

typedef struct {
  GArray  *findings;  /* KedjaFinding, of every plan, in plan order */
  GArray  *checked;   /* Checked */
} Check;

static void
checked_clear (gpointer data)
{
  g_free (((Checked *) data)->sort_key);
}

static int
compare_checked (gconstpointer a,
                 gconstpointer b)
{
  const Checked *x = a, *y = b;
  int order = strcmp (x->sort_key, y->sort_key);

  if (order == 0)
    order = g_utf8_collate (x->plan->title, y->plan->title);
  return order != 0 ? order : strcmp (x->plan->id, y->plan->id);
}

static const char *
shown_client (const KedjaPlan *plan)
{
  return kedja_client_display_name (plan->client->name, plan->client->protected_identity);
}

/* Analyses every plan into one array. The plans are ordered by what is
 * shown of the client, as `list` does: sorting by a protected person's
 * real name would let the position hint at it. */
static void
analyse_all (Check                       *check,
             GPtrArray                   *plans,
             const KedjaAnalysisSettings *settings,
             KedjaDate                    today)
{
  for (guint i = 0; i < plans->len; i++)
    {
      Checked item = { g_ptr_array_index (plans, i), check->findings->len, 0, NULL };

      kedja_analyse_into (item.plan, settings, today, check->findings);
      item.n = check->findings->len - item.first;
      item.sort_key = g_utf8_collate_key (shown_client (item.plan), -1);
      g_array_append_val (check->checked, item);
    }
  g_array_sort (check->checked, compare_checked);
}

static const KedjaFinding *
finding_at (const Check   *check,
            const Checked *item,
            guint          i)
{
  return &g_array_index (check->findings, KedjaFinding, item->first + i);
}

/* The agency a finding is about: the one without consent, else the one
 * that should act, else the one responsible for the step. */
static const char *
concerned_agency_id (const KedjaFinding *finding)
{
  if (finding->agency_id != NULL)
    return finding->agency_id;
  if (finding->actor_id != NULL)
    return finding->actor_id;
  return finding->step ? finding->step->agency_id : NULL;
}

static const char *
concerned_agency_name (const KedjaFinding *finding,
                       const KedjaPlan    *plan)
{
  const char *name = kedja_plan_get_agency_name (plan, concerned_agency_id (finding));

  return *name ? name : NULL;
}

static const char *
date_or_null (KedjaDate date,
              char      buf[KEDJA_DATE_STRLEN])
{
  if (date == KEDJA_DATE_NONE)
    return NULL;
  kedja_date_format (date, buf);
  return buf;
}

/* ------------------------------------------------------------------ text */

static char *
severity_mark (KedjaSeverity severity)
{
  static const char *const symbols[] = { "•", "▲", "✖" };

  /* TRANSLATORS: a severity after its symbol: "✖ Critical" */
  return g_strdup_printf (C_("severity mark", "%s %s"), symbols[severity],
                          kedja_severity_get_label (severity));
}

static char *
interval_text (const KedjaFinding *finding)
{
  return kedja_date_range_to_display (finding->start, finding->end);
}

static KedjaSeverity
highest_severity (const Check   *check,
                  const Checked *item)
{
  KedjaSeverity highest = KEDJA_SEVERITY_NOTICE;

  for (guint i = 0; i < item->n; i++)
    highest = MAX (highest, finding_at (check, item, i)->severity);
  return highest;
}

static void
append_summary (GString     *out,
                const Check *check)
{
  guint by_severity[3] = { 0 }, clean = 0, total = check->checked->len;
  g_autofree char *checked = NULL, *critical = NULL, *warning = NULL, *notice = NULL, *none = NULL;

  for (guint i = 0; i < total; i++)
    {
      const Checked *item = &g_array_index (check->checked, Checked, i);

      if (item->n == 0)
        clean++;
      else
        by_severity[highest_severity (check, item)]++;
    }

  checked = g_strdup_printf (ngettext ("%u plan checked", "%u plans checked", total), total);
  critical = g_strdup_printf (ngettext ("%u with critical findings", "%u with critical findings",
                                       by_severity[KEDJA_SEVERITY_CRITICAL]),
                              by_severity[KEDJA_SEVERITY_CRITICAL]);
  warning = g_strdup_printf (ngettext ("%u with warnings but nothing critical",
                                      "%u with warnings but nothing critical",
                                      by_severity[KEDJA_SEVERITY_WARNING]),
                             by_severity[KEDJA_SEVERITY_WARNING]);
  notice = g_strdup_printf (ngettext ("%u with notices only", "%u with notices only",
                                     by_severity[KEDJA_SEVERITY_NOTICE]),
                            by_severity[KEDJA_SEVERITY_NOTICE]);
  none = g_strdup_printf (ngettext ("%u without findings", "%u without findings", clean), clean);
  /* TRANSLATORS: "4 plans checked: 1 with critical findings, 1 with
   * warnings but nothing critical, 1 with notices only, 1 without
   * findings." */
  g_string_append_printf (out, _("%s: %s, %s, %s, %s."), checked, critical, warning, notice, none);
  g_string_append_c (out, '\n');
}

static void
write_text (GString     *out,
            const Check *check)
{
  guint mark_width = 0;

  /* The severities in one column however they are translated, so that
   * the messages line up. */
  for (guint s = KEDJA_SEVERITY_NOTICE; s <= KEDJA_SEVERITY_CRITICAL; s++)
    {
      g_autofree char *mark = severity_mark (s);
      guint width = kedja_cli_text_width (mark);
      mark_width = MAX (mark_width, width);
    }

  for (guint i = 0; i < check->checked->len; i++)
    {
      const Checked *item = &g_array_index (check->checked, Checked, i);
      const KedjaPlan *plan = item->plan;
      g_autofree char *head = NULL;
      guint interval_width = 0, indent;

      if (item->n == 0)
        continue;

      /* The days column as wide as this plan needs: one plan spanning a
       * new year should not push every other plan's messages aside. */
      for (guint f = 0; f < item->n; f++)
        {
          g_autofree char *interval = interval_text (finding_at (check, item, f));
          guint width = kedja_cli_text_width (interval);
          interval_width = MAX (interval_width, width);
        }
      indent = 2 + mark_width + 2 + (interval_width > 0 ? interval_width + 2 : 0);
      /* TRANSLATORS: a plan's heading: "Anna Berg – SIP 2026 (plan 51e7a0c4-…)" */
      head = g_strdup_printf (_("%s – %s (plan %s)"), shown_client (plan), plan->title, plan->id);
      kedja_cli_append_padded (out, head, 0, FALSE);
      g_string_append_c (out, '\n');

      for (guint f = 0; f < item->n; f++)
        {
          const KedjaFinding *finding = finding_at (check, item, f);
          g_autofree char *mark = severity_mark (finding->severity);
          g_autofree char *interval = interval_text (finding);
          g_autofree char *message = kedja_finding_format_message (finding, plan);
          g_autofree char *action = kedja_finding_format_action (finding, plan);
          g_autofree char *actor = kedja_finding_format_actor (finding, plan);
          g_autofree char *action_line = NULL;

          g_string_append (out, "  ");
          kedja_cli_append_padded (out, mark, mark_width + 2, FALSE);
          if (interval_width > 0)
            kedja_cli_append_padded (out, interval, interval_width + 2, FALSE);
          kedja_cli_append_padded (out, message, 0, FALSE);
          g_string_append_c (out, '\n');

          /* TRANSLATORS: what to do and who does it: "→ Set the date of the
           * next follow-up (the coordinator, Maria Lind)" */
          action_line = g_strdup_printf (_("→ %s (%s)"), action, actor);
          g_string_append_printf (out, "%*s", (int) indent, "");
          kedja_cli_append_padded (out, action_line, 0, FALSE);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }
  append_summary (out, check);
}

/* ------------------------------------------------------------- CSV, JSON */

/* Step then next step, as the timeline links them. */
static void
collect_steps (const KedjaFinding *finding,
               const char         *steps[2],
               guint              *n_steps)
{
  *n_steps = 0;
  if (finding->step != NULL)
    steps[(*n_steps)++] = finding->step->id;
  if (finding->next_step != NULL)
    steps[(*n_steps)++] = finding->next_step->id;
}

/* RFC 4180 asks for CRLF between records. */
static void
write_csv (GString     *out,
           const Check *check)
{
  g_string_append (out, "plan,rule,severity,start,end,steps,agency,message,action,actor\r\n");
  for (guint i = 0; i < check->checked->len; i++)
    {
      const Checked *item = &g_array_index (check->checked, Checked, i);

      for (guint f = 0; f < item->n; f++)
        {
          const KedjaFinding *finding = finding_at (check, item, f);
          g_autofree char *message = kedja_finding_format_message (finding, item->plan);
          g_autofree char *action = kedja_finding_format_action (finding, item->plan);
          g_autofree char *actor = kedja_finding_format_actor (finding, item->plan);
          g_autofree char *steps_text = NULL;
          char start[KEDJA_DATE_STRLEN], end[KEDJA_DATE_STRLEN];
          const char *steps[3] = { NULL };
          guint n_steps;

          collect_steps (finding, steps, &n_steps);
          steps_text = g_strjoinv (" ", (char **) steps);

          kedja_cli_append_csv (out, item->plan->id);
          g_string_append_c (out, ',');
          kedja_cli_append_csv (out, kedja_enum_to_nick (KEDJA_TYPE_RULE, finding->rule));
          g_string_append_c (out, ',');
          kedja_cli_append_csv (out, kedja_enum_to_nick (KEDJA_TYPE_SEVERITY, finding->severity));
          g_string_append_c (out, ',');
          kedja_cli_append_csv (out, date_or_null (finding->start, start));
          g_string_append_c (out, ',');
          kedja_cli_append_csv (out, date_or_null (finding->end, end));
          g_string_append_c (out, ',');
          kedja_cli_append_csv (out, steps_text);
          g_string_append_c (out, ',');
          kedja_cli_append_csv (out, concerned_agency_name (finding, item->plan));
          g_string_append_c (out, ',');
          kedja_cli_append_csv (out, message);
          g_string_append_c (out, ',');
          kedja_cli_append_csv (out, action);
          g_string_append_c (out, ',');
          kedja_cli_append_csv (out, actor);
          g_string_append (out, "\r\n");
        }
    }
}

static void
append_json_member (GString    *out,
                    const char *key,
                    const char *value)
{
  g_string_append_printf (out, ", \"%s\": ", key);
  kedja_cli_append_json (out, value);
}

/* One finding per line, so that the output is readable and diffable too. */
static void
write_json (GString     *out,
            const Check *check)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint i = 0; i < check->checked->len; i++)
    {
      const Checked *item = &g_array_index (check->checked, Checked, i);

      for (guint f = 0; f < item->n; f++)
        {
          const KedjaFinding *finding = finding_at (check, item, f);
          g_autofree char *message = kedja_finding_format_message (finding, item->plan);
          g_autofree char *action = kedja_finding_format_action (finding, item->plan);
          g_autofree char *actor = kedja_finding_format_actor (finding, item->plan);
          const char *agency_id = concerned_agency_id (finding);
          char start[KEDJA_DATE_STRLEN], end[KEDJA_DATE_STRLEN];
          const char *steps[2];
          guint n_steps;

          g_string_append (out, first ? "\n  {\"plan\": " : ",\n  {\"plan\": ");
          first = FALSE;
          kedja_cli_append_json (out, item->plan->id);
          append_json_member (out, "rule", kedja_enum_to_nick (KEDJA_TYPE_RULE, finding->rule));
          append_json_member (out, "severity",
                              kedja_enum_to_nick (KEDJA_TYPE_SEVERITY, finding->severity));
          append_json_member (out, "start", date_or_null (finding->start, start));
          append_json_member (out, "end", date_or_null (finding->end, end));

          collect_steps (finding, steps, &n_steps);
          g_string_append (out, ", \"steps\": [");
          for (guint s = 0; s < n_steps; s++)
            {
              if (s > 0)
                g_string_append (out, ", ");
              kedja_cli_append_json (out, steps[s]);
            }
          g_string_append_c (out, ']');

          g_string_append_printf (out, ", \"days\": %u", finding->days);
          append_json_member (out, "agency", concerned_agency_name (finding, item->plan));
          append_json_member (out, "agency_id", agency_id);
          append_json_member (out, "message", message);
          append_json_member (out, "action", action);
          append_json_member (out, "actor", actor);
          g_string_append_c (out, '}');
        }
    }
  g_string_append (out, first ? "]\n" : "\n]\n");
}

/* ------------------------------------------------------------ the command */

static gboolean
parse_fail_on (const char    *text,
               KedjaSeverity *out_severity,
               GError       **error)
{
  if (g_strcmp0 (text, "critical") == 0)
    *out_severity = KEDJA_SEVERITY_CRITICAL;
  else if (g_strcmp0 (text, "warning") == 0)
    *out_severity = KEDJA_SEVERITY_WARNING;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--fail-on: “%s” is not one of: critical, warning"), text ? text : "");
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
load_plans (KedjaStore *store,
            const char *plan_id,
            GError    **error)
{
  GPtrArray *plans;
  KedjaPlan *plan;

  if (plan_id == NULL)
    return kedja_store_load_all_plans (store, error);

  plan = kedja_store_load_plan (store, plan_id, error);
  if (plan == NULL)
    return NULL;
  plans = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
  g_ptr_array_add (plans, plan);
  return plans;
}

int
kedja_cli_check (KedjaCli *cli,
                 int       argc,
                 char    **argv)
{
  g_autofree char *today_text = NULL, *format_text = NULL, *fail_on_text = NULL;
  g_auto(GStrv) overrides = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GArray) findings = NULL, checked = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  KedjaCliFormat format = KEDJA_CLI_FORMAT_TEXT;
  KedjaSeverity fail_on = KEDJA_SEVERITY_CRITICAL;
  KedjaAnalysisSettings settings;
  const char *plan_id = NULL;
  gboolean all = FALSE;
  KedjaStore *store;
  KedjaDate today;
  Check check;
  GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("Check every plan (also what happens when no PLAN-ID is given)"), NULL },
    { "today", 't', 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge the plans as on this day (default: today)"), N_("YYYY-MM-DD") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text, csv or json (default: text)"), N_("FORMAT") },
    { "fail-on", 0, 0, G_OPTION_ARG_STRING, &fail_on_text,
      N_("Exit with status 3 if a finding is this severe or worse: critical or warning"),
      N_("SEVERITY") },
    { "setting", 0, 0, G_OPTION_ARG_STRING_ARRAY, &overrides,
      N_("Use this threshold instead of the database’s, such as gap-days=10 (repeatable)"),
      N_("KEY=VALUE") },
    { NULL }
  };

  if (!kedja_cli_parse_options (cli, entries, &argc, &argv))
    return KEDJA_CLI_EXIT_ERROR;
  if (argc > 2)
    return kedja_cli_fail (_("check takes at most one plan id, but was also given “%s”"), argv[2]);
  if (argc == 2)
    plan_id = argv[1];
  if (plan_id != NULL && all)
    return kedja_cli_fail (_("check takes a plan id or --all, not both"));

  /* Everything is checked before the database is opened or created. */
  today = kedja_date_today ();
  if (!kedja_cli_parse_format (format_text, &format, &error)
      || (fail_on_text != NULL && !parse_fail_on (fail_on_text, &fail_on, &error))
      || (today_text != NULL && !kedja_cli_parse_date ("--today", today_text, &today, &error))
      || !kedja_cli_check_settings (overrides, &error))
    return kedja_cli_fail_error (error);

  store = kedja_cli_get_store (cli, &error);
  if (store == NULL)
    return kedja_cli_fail_error (error);
  kedja_analysis_settings_init (&settings);
  if (!kedja_cli_load_settings (cli, overrides, &settings, &error))
    return kedja_cli_fail_error (error);
  plans = load_plans (store, plan_id, &error);
  if (plans == NULL)
    return kedja_cli_fail_error (error);

  findings = g_array_new (FALSE, FALSE, sizeof (KedjaFinding));
  checked = g_array_sized_new (FALSE, TRUE, sizeof (Checked), plans->len);
  g_array_set_clear_func (checked, checked_clear);
  check.findings = findings;
  check.checked = checked;
  analyse_all (&check, plans, &settings, today);

  out = g_string_sized_new (256 + 300 * findings->len);
  switch (format)
    {
    case KEDJA_CLI_FORMAT_CSV:
      write_csv (out, &check);
      break;
    case KEDJA_CLI_FORMAT_JSON:
      write_json (out, &check);
      break;
    case KEDJA_CLI_FORMAT_TEXT:
    default:
      write_text (out, &check);
      break;
    }
  if (!kedja_cli_write (out))
    return KEDJA_CLI_EXIT_ERROR;

  if (fail_on_text != NULL)
    for (guint i = 0; i < findings->len; i++)
      if (g_array_index (findings, KedjaFinding, i).severity >= fail_on)
        return KEDJA_CLI_EXIT_FINDINGS;
  return KEDJA_CLI_EXIT_OK;
}
