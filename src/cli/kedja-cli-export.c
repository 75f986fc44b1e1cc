/* kedja-cli-export.c — `kedja-cli export`: plans out, as SIP XML or FHIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing leaves without the client's consent and an entry in the audit
 * log. With --recipient the plan goes only to an agency the client has a
 * consent in force for, and without what that consent excludes; every plan
 * passes through the export policy (kedja-export-policy.h) whatever the
 * options, so that a protected identity is stripped here as well as in the
 * writers. Refusals are logged too ("export-refused"): who tried to send
 * what to whom is worth as much to the person as what was sent.
 *
 * The file is logged after it is complete and before the command says it is
 * done; if the log cannot be written the file is removed again. Standard
 * output cannot be taken back, so it is logged before anything is written.
 *
 * Reproducible exports: when the environment variable SOURCE_DATE_EPOCH
 * (the reproducible-builds.org convention) holds a number of seconds, it is
 * written as the file's "exported" time instead of the clock's, so that two
 * exports of the same data with the same --today are byte for byte equal.
 * Tests rely on it; it is deliberately not in --help.
 */
#define G_LOG_DOMAIN "kedja-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kedja-cli.h"
#include "kedja-export-policy.h"
#include "kedja-fhir.h"
#include "kedja-sip.h"

typedef struct {
  KedjaStore            *store;
  gboolean               fhir;
  const KedjaAgency     *recipient;      /* nullable */
  gboolean               pseudonymise;
  GBytes                *key;            /* when pseudonymising */
  KedjaDate              today;
  gint64                 exported;       /* seconds since 1970, UTC */
  KedjaAnalysisSettings  settings;
  const char            *output;         /* nullable: standard output */
  char                  *output_name;    /* for messages and the log */
  gboolean               many;           /* --all: messages name the plan */
  GPtrArray             *log_ids;        /* plan ids to log, with… */
  GPtrArray             *log_details;    /* …what to log of each */
} Export;

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->key, g_bytes_unref);
  g_clear_pointer (&export->output_name, g_free);
  g_clear_pointer (&export->log_ids, g_ptr_array_unref);
  g_clear_pointer (&export->log_details, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static const char *
format_name (const Export *export)
{
  return export->fhir ? "FHIR R4 XML" : "SIP XML 1.0";
}

/* A plan as messages name it: by its title in quotes, which often holds
 * the name, except for a protected identity, which is named by the plan's
 * id. */
static char *
plan_name (const KedjaPlan *plan)
{
  if (plan->client->protected_identity)
    return g_strdup (plan->id);
  return g_strdup_printf ("“%s”", plan->title);
}

/* Consent */

typedef enum {
  CONSENT_NONE,       /* none for this agency */
  CONSENT_NOT_YET,    /* given after today */
  CONSENT_WITHDRAWN,
  CONSENT_EXPIRED,
} ConsentProblem;

/* The consents for @agency_id in force on @today (added to @in_force);
 * when there are none, what the nearest miss was. */
static ConsentProblem
find_consents (const KedjaPlan *plan,
               const char      *agency_id,
               KedjaDate        today,
               GPtrArray       *in_force,
               KedjaDate       *out_when)
{
  ConsentProblem problem = CONSENT_NONE;

  *out_when = KEDJA_DATE_NONE;
  for (guint i = 0; i < plan->consents->len; i++)
    {
      const KedjaConsent *consent = g_ptr_array_index (plan->consents, i);

      if (g_strcmp0 (consent->agency_id, agency_id) != 0)
        continue;
      if (kedja_consent_in_force (consent, today))
        {
          g_ptr_array_add (in_force, (gpointer) consent);
          continue;
        }
      /* The latest reason wins: a consent withdrawn yesterday says more
       * than one that expired last year. */
      if (consent->withdrawn != KEDJA_DATE_NONE && consent->withdrawn <= today
          && consent->withdrawn >= *out_when)
        {
          problem = CONSENT_WITHDRAWN;
          *out_when = consent->withdrawn;
        }
      else if (consent->expires != KEDJA_DATE_NONE && consent->expires < today
               && consent->expires >= *out_when)
        {
          problem = CONSENT_EXPIRED;
          *out_when = consent->expires;
        }
      else if (consent->given > today && problem == CONSENT_NONE)
        {
          problem = CONSENT_NOT_YET;
          *out_when = consent->given;
        }
    }
  return problem;
}

static char *
describe_refusal (const Export    *export,
                  const KedjaPlan *plan,
                  ConsentProblem   problem,
                  KedjaDate        when)
{
  g_autofree char *plan_text = plan_name (plan);
  const char *name = export->recipient->name;
  char day[KEDJA_DATE_STRLEN], today[KEDJA_DATE_STRLEN];

  kedja_date_format (when, day);
  kedja_date_format (export->today, today);
  switch (problem)
    {
    case CONSENT_WITHDRAWN:
      /* TRANSLATORS: "The plan “SIP för Bo” cannot be sent to “Beroendekliniken”: …" */
      return g_strdup_printf (_("The plan %s cannot be sent to “%s”: the client withdrew the "
                                "consent for it on %s"), plan_text, name, day);
    case CONSENT_EXPIRED:
      return g_strdup_printf (_("The plan %s cannot be sent to “%s”: the client’s consent for "
                                "it expired on %s"), plan_text, name, day);
    case CONSENT_NOT_YET:
      return g_strdup_printf (_("The plan %s cannot be sent to “%s”: the client’s consent for "
                                "it is given only from %s"), plan_text, name, day);
    case CONSENT_NONE:
    default:
      return g_strdup_printf (_("The plan %s cannot be sent to “%s”: the client has given no "
                                "consent for it in force on %s"), plan_text, name, today);
    }
}

/* The log's words for what a consent left out: the parts, not the
 * client's own words, which may say more than the plan does. */
static void
describe_omitted (GString                 *out,
                  const KedjaExportPolicy *policy)
{
  static const struct {
    KedjaExportPart part;
    const char     *name;
  } parts[] = {
    { KEDJA_EXPORT_PART_NOTES, "notes" },
    { KEDJA_EXPORT_PART_RATINGS, "ratings" },
    { KEDJA_EXPORT_PART_RELATIVES, "relatives" },
    { KEDJA_EXPORT_PART_GOALS, "goals" },
    { KEDJA_EXPORT_PART_OWN_GOAL, "own-goal" },
    { KEDJA_EXPORT_PART_MEETINGS, "meetings" },
  };
  gsize start = out->len;

  for (int phase = KEDJA_PHASE_DETOX; phase <= KEDJA_PHASE_HEALTH; phase++)
    if (policy->omit_phases & (1u << phase))
      g_string_append_printf (out, "%s%s", out->len > start ? ", " : "",
                              kedja_enum_to_nick (KEDJA_TYPE_PHASE, phase));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (policy->omit_parts & parts[i].part)
      g_string_append_printf (out, "%s%s", out->len > start ? ", " : "", parts[i].name);
  if (out->len == start)
    g_string_append (out, _("nothing"));
}

static char *
describe_export (const Export            *export,
                 const KedjaExportPolicy *policy,
                 gboolean                 unreadable)
{
  GString *detail = g_string_new (NULL);

  g_string_append_printf (detail, _("Format: %s"), format_name (export));
  g_string_append_c (detail, '\n');
  if (export->recipient != NULL)
    g_string_append_printf (detail, _("Recipient: “%s” (%s)"), export->recipient->name,
                            export->recipient->id);
  else
    g_string_append (detail, _("No recipient"));
  g_string_append_c (detail, '\n');
  g_string_append (detail, export->pseudonymise ? _("Pseudonymised") : _("Not pseudonymised"));
  g_string_append_c (detail, '\n');
  if (export->recipient != NULL)
    {
      g_string_append (detail, _("Left out by the consent: "));
      describe_omitted (detail, policy);
      if (unreadable)
        g_string_append (detail, _(" (and an exclusion Kedja could not apply by itself)"));
      g_string_append_c (detail, '\n');
    }
  g_string_append_printf (detail, _("File: %s"), export->output_name);
  return g_string_free (detail, FALSE);
}

/* The client's words are shown as they are: only a person can tell what
 * "nothing about the court case" covers in this plan. */
static void
warn_unreadable (const Export    *export,
                 const KedjaPlan *plan,
                 const char      *words)
{
  g_autofree char *plan_text = export->many ? plan_name (plan) : NULL;

  /* A collection says which plan, so that the right part of the file is
   * checked. */
  if (plan_text != NULL)
    g_printerr (_("kedja-cli: In the plan %s, the consent for %s excludes “%s”, which Kedja "
                  "cannot leave out by itself: check the file before sending it\n"),
                plan_text, export->recipient->name, words);
  else
    g_printerr (_("kedja-cli: The consent for %s excludes “%s”, which Kedja cannot leave out by "
                  "itself: check the file before sending it\n"),
                export->recipient->name, words);
}

/* The copy of @plan that may leave, and what to log of it. Its consent
 * has been checked (check_consents()). */
static KedjaPlan *
prepare (Export          *export,
         const KedjaPlan *plan)
{
  g_autoptr(GPtrArray) in_force = g_ptr_array_new ();
  KedjaExportPolicy policy;
  gboolean unreadable = FALSE;
  KedjaPlan *copy;

  if (export->recipient != NULL)
    {
      KedjaDate when;

      find_consents (plan, export->recipient->id, export->today, in_force, &when);
      g_assert (in_force->len > 0);
    }

  kedja_export_policy_init (&policy);
  /* Every consent in force for the agency counts: what any of them
   * excludes stays out. */
  for (guint i = 0; i < in_force->len; i++)
    {
      const KedjaConsent *consent = g_ptr_array_index (in_force, i);
      g_autofree char *unrecognised = NULL;

      if (consent->exclusion == NULL
          || kedja_export_policy_add_exclusion (&policy, consent->exclusion, &unrecognised))
        continue;
      unreadable = TRUE;
      warn_unreadable (export, plan, unrecognised ? unrecognised : consent->exclusion);
    }

  /* Through the policy even when it asks for nothing: it is also what
   * strips a protected identity. */
  policy.pseudonymise = export->pseudonymise;
  if (export->pseudonymise)
    policy.pseudonym_key = g_bytes_ref (export->key);
  copy = kedja_plan_copy_for_export (plan, &policy);
  g_ptr_array_add (export->log_ids, g_strdup (plan->id));
  g_ptr_array_add (export->log_details, describe_export (export, &policy, unreadable));
  kedja_export_policy_clear (&policy);
  return copy;
}

/* Logs the exports prepared so far, one entry per plan, in one
 * transaction. */
static gboolean
log_exports (Export  *export,
             GError **error)
{
  return kedja_store_log_many (export->store, "export", "plan", export->log_ids,
                               export->log_details, error);
}

/* Refusals are logged, then said; nothing is written. */
static int
refuse (Export    *export,
        GPtrArray *refused_ids,
        GPtrArray *refusals,
        guint      n_plans)
{
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < refusals->len; i++)
    g_ptr_array_add (details,
                     g_strdup_printf (_("%s\nFormat: %s\nRecipient: “%s” (%s)\nFile: %s (not "
                                        "written)"), (char *) g_ptr_array_index (refusals, i),
                                      format_name (export), export->recipient->name,
                                      export->recipient->id, export->output_name));
  if (!kedja_store_log_many (export->store, "export-refused", "plan", refused_ids, details,
                             &error))
    kedja_cli_fail_error (error);

  if (n_plans == 1)
    kedja_cli_fail ("%s", (char *) g_ptr_array_index (refusals, 0));
  else
    kedja_cli_fail (g_dngettext (GETTEXT_PACKAGE,
                                 "%u of %u plans cannot be sent to “%s”, so none was: %s",
                                 "%u of %u plans cannot be sent to “%s”, so none was: %s",
                                 refusals->len),
                    refusals->len, n_plans, export->recipient->name,
                    (char *) g_ptr_array_index (refusals, 0));
  return KEDJA_CLI_EXIT_NO_CONSENT;
}

/* Consent is checked for every plan before anything is written: a
 * collection goes out whole or not at all. */
static int
check_consents (Export    *export,
                GPtrArray *plans)
{
  g_autoptr(GPtrArray) refused_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) refusals = g_ptr_array_new_with_free_func (g_free);

  if (export->recipient == NULL)
    return KEDJA_CLI_EXIT_OK;
  for (guint i = 0; i < plans->len; i++)
    {
      const KedjaPlan *plan = g_ptr_array_index (plans, i);
      g_autoptr(GPtrArray) in_force = g_ptr_array_new ();
      KedjaDate when;
      ConsentProblem problem = find_consents (plan, export->recipient->id, export->today,
                                              in_force, &when);

      if (in_force->len > 0)
        continue;
      g_ptr_array_add (refused_ids, g_strdup (plan->id));
      g_ptr_array_add (refusals, describe_refusal (export, plan, problem, when));
    }
  if (refusals->len == 0)
    return KEDJA_CLI_EXIT_OK;
  return refuse (export, refused_ids, refusals, plans->len);
}

/* Writing */

static gboolean
write_stdout (GBytes  *data,
              GError **error)
{
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);

  if (fwrite (bytes, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The output cannot be written: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* A file is logged once it is complete; a log that cannot be written takes
 * the file away again, since nothing may leave unlogged. */
static gboolean
log_or_remove (Export  *export,
               GError **error)
{
  if (log_exports (export, error))
    return TRUE;
  g_unlink (export->output);
  return FALSE;
}

static int
export_one (Export          *export,
            const KedjaPlan *plan)
{
  g_autoptr(KedjaPlan) copy = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;

  copy = prepare (export, plan);

  /* In memory first: a plan is small, and a document that does not
   * validate must not reach standard output half-way. */
  if (export->fhir)
    {
      KedjaFhirWriteOptions options = { export->exported, export->today };
      data = kedja_fhir_write_plan (copy, &options, &error);
    }
  else
    {
      KedjaSipWriteOptions options = { export->exported, export->today, &export->settings };
      data = kedja_sip_write_plan (copy, &options, &error);
    }
  if (data == NULL)
    return kedja_cli_fail_error (error);

  if (export->output == NULL)
    {
      if (!log_exports (export, &error) || !write_stdout (data, &error))
        return kedja_cli_fail_error (error);
      return KEDJA_CLI_EXIT_OK;
    }
  if (!kedja_exchange_write_file (export->output, data, &error)
      || !log_or_remove (export, &error))
    return kedja_cli_fail_error (error);
  g_print (_("%s: 1 plan exported (%s)\n"), export->output_name, format_name (export));
  return KEDJA_CLI_EXIT_OK;
}

/* A collection streams out plan by plan: a city's plans never become one
 * tree in memory, and each copy is dropped once written. */
static int
export_all (Export    *export,
            GPtrArray *plans)
{
  g_autoptr(KedjaSipWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  KedjaSipWriteOptions options = { export->exported, export->today, &export->settings };

  writer = kedja_sip_writer_new (export->output, TRUE, &options, &error);
  if (writer == NULL)
    return kedja_cli_fail_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(KedjaPlan) copy = prepare (export, g_ptr_array_index (plans, i));

      if (!kedja_sip_writer_add (writer, copy, &error))
        return kedja_cli_fail_error (error);
    }
  if (!kedja_sip_writer_finish (writer, &error) || !log_or_remove (export, &error))
    return kedja_cli_fail_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u plan exported (%s)\n",
                        "%s: %u plans exported (%s)\n", plans->len),
           export->output_name, plans->len, format_name (export));
  return KEDJA_CLI_EXIT_OK;
}

/* Options */

/* SOURCE_DATE_EPOCH, when set, fixes the "exported" time (see the top of
 * this file). */
static gboolean
export_time (gint64  *out_seconds,
             GError **error)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch == NULL || *epoch == '\0')
    {
      *out_seconds = g_get_real_time () / G_USEC_PER_SEC;
      return TRUE;
    }
  /* Up to the last second of year 9999, which the format can still write. */
  if (!kedja_cli_parse_count ("SOURCE_DATE_EPOCH", epoch, 0, G_GINT64_CONSTANT (253402300799),
                              &seconds, error))
    return FALSE;
  *out_seconds = (gint64) seconds;
  return TRUE;
}

static gboolean
parse_format (const char *text,
              gboolean   *out_fhir,
              GError    **error)
{
  if (text == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--format is needed: sip or fhir"));
      return FALSE;
    }
  if (g_str_equal (text, "sip") || g_str_equal (text, "fhir"))
    {
      *out_fhir = g_str_equal (text, "fhir");
      return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--format: “%s” is not one of: sip, fhir"), text);
  return FALSE;
}

static const KedjaAgency *
find_agency (GPtrArray  *agencies,
             const char *id)
{
  for (guint i = 0; i < agencies->len; i++)
    {
      const KedjaAgency *agency = g_ptr_array_index (agencies, i);

      if (g_str_equal (agency->id, id))
        return agency;
    }
  return NULL;
}

int
kedja_cli_export (KedjaCli *cli,
                  int       argc,
                  char    **argv)
{
  g_autofree char *plan_id = NULL, *format_text = NULL, *recipient_id = NULL;
  g_autofree char *output = NULL, *today_text = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Export) export = { 0 };
  gboolean all = FALSE, pseudonymise = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "plan", 'p', 0, G_OPTION_ARG_STRING, &plan_id, N_("Export the plan with this id"),
      N_("PLAN-ID") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("Export every plan, as one SIP collection (needs --output)"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("sip (SIP XML 1.0) or fhir (an HL7 FHIR R4 Bundle)"), N_("FORMAT") },
    { "recipient", 'r', 0, G_OPTION_ARG_STRING, &recipient_id,
      N_("The agency the file is for: refused (status 4) unless the client has a consent in "
         "force for it, and without what the consent excludes"), N_("AGENCY-ID") },
    { "pseudonymise", 0, 0, G_OPTION_ARG_NONE, &pseudonymise,
      N_("Leave out names and identity numbers, and replace ids with pseudonyms that stay the "
         "same for this database (for statistics)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output; the file is created readable by you only "
         "(mode 0600)"), N_("FILE") },
    { "today", 't', 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge consents and findings as on this day (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!kedja_cli_parse_options (cli, entries, &argc, &argv))
    return KEDJA_CLI_EXIT_ERROR;
  if (argc > 1)
    return kedja_cli_fail (_("export takes no arguments, but was given “%s”; name the plan "
                             "with --plan"), argv[1]);
  if ((plan_id == NULL) == !all)
    return kedja_cli_fail (_("export needs either --plan PLAN-ID or --all"));

  /* Everything is checked before the database is opened or created. */
  export.today = kedja_date_today ();
  if (!parse_format (format_text, &export.fhir, &error)
      || (today_text != NULL && !kedja_cli_parse_date ("--today", today_text, &export.today,
                                                       &error))
      || !export_time (&export.exported, &error))
    return kedja_cli_fail_error (error);
  if (all && export.fhir)
    return kedja_cli_fail (_("--all writes a SIP collection; a FHIR Bundle holds one plan, so "
                             "export those one by one with --plan"));
  if (all && output == NULL)
    return kedja_cli_fail (_("--all needs --output FILE: a city’s plans do not belong on a "
                             "terminal"));

  export.pseudonymise = pseudonymise;
  export.many = all;
  export.output = output;
  export.output_name = output ? g_filename_display_name (output)
                              : g_strdup (_("standard output"));
  export.log_ids = g_ptr_array_new_with_free_func (g_free);
  export.log_details = g_ptr_array_new_with_free_func (g_free);

  export.store = kedja_cli_get_store (cli, &error);
  if (export.store == NULL)
    return kedja_cli_fail_error (error);
  kedja_analysis_settings_init (&export.settings);
  if (!kedja_store_load_analysis_settings (export.store, &export.settings, &error))
    return kedja_cli_fail_error (error);

  if (recipient_id != NULL)
    {
      agencies = kedja_store_list_agencies (export.store, &error);
      if (agencies == NULL)
        return kedja_cli_fail_error (error);
      export.recipient = find_agency (agencies, recipient_id);
      if (export.recipient == NULL)
        return kedja_cli_fail (_("--recipient: there is no agency with the id “%s” in the "
                                 "directory"), recipient_id);
    }

  if (all)
    plans = kedja_store_load_all_plans (export.store, &error);
  else
    {
      KedjaPlan *plan = kedja_store_load_plan (export.store, plan_id, &error);

      if (plan != NULL)
        {
          plans = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
          g_ptr_array_add (plans, plan);
        }
    }
  if (plans == NULL)
    return kedja_cli_fail_error (error);

  status = check_consents (&export, plans);
  if (status != KEDJA_CLI_EXIT_OK)
    return status;

  /* Only once the export is sure to go ahead: the key is made on first
   * use, which is a write. */
  if (pseudonymise && (export.key = kedja_store_get_pseudonym_key (export.store, &error)) == NULL)
    return kedja_cli_fail_error (error);

  return all ? export_all (&export, plans) : export_one (&export, g_ptr_array_index (plans, 0));
}
