/* kedja-sip-document.c — the elements of SIP XML 1.0, plan by plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The element order and names are those of SIP-FORMAT.md and
 * data/sip-1.0.xsd; docs/sip-format.md explains them to partners. Choices
 * that are the writer's own, and that make two exports of the same plan
 * byte for byte the same:
 *
 *  - indented with two spaces: partners' staff open these files to see
 *    what was sent, and whitespace between elements means nothing in the
 *    format (no element has mixed content);
 *  - an empty list is left out, not written as an empty element: the
 *    format allows both, and absence is shorter and never ambiguous;
 *  - optional text that is empty or only blanks is left out, as the format
 *    has no empty text;
 *  - children-under-18, relatives-involved and has-own-housing are always
 *    written, so that "none" is said rather than implied by a default;
 *  - the findings are in the language of the user who exports (the one
 *    gettext uses for Kedja's messages), and the plan's language attribute
 *    says which, taken from the translation catalogue actually in use.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kedja-exchange-private.h"
#include "kedja-sip-writer-private.h"

#define SIP_FORMAT_VERSION "1.0"

/* The nicks of the format's enumerations, looked up once: a city's export
 * writes some hundred thousand of them. */
typedef enum {
  ENUM_PLAN_STATUS,
  ENUM_AGENCY_KIND,
  ENUM_ROLE,
  ENUM_PHASE,
  ENUM_STEP_STATUS,
  ENUM_DOMAIN,
  ENUM_GOAL_STATUS,
  ENUM_CONSENT_FORM,
  ENUM_CARE_SETTING,
  ENUM_SEVERITY,
  ENUM_RULE,
  N_ENUMS
} EnumId;

#define MAX_ENUM_VALUES 16
G_STATIC_ASSERT (KEDJA_N_RULES <= MAX_ENUM_VALUES);

static const char *nicks[N_ENUMS][MAX_ENUM_VALUES];

static void
load_nicks (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      const GType types[N_ENUMS] = {
        KEDJA_TYPE_PLAN_STATUS, KEDJA_TYPE_AGENCY_KIND, KEDJA_TYPE_ROLE,
        KEDJA_TYPE_PHASE, KEDJA_TYPE_STEP_STATUS, KEDJA_TYPE_DOMAIN,
        KEDJA_TYPE_GOAL_STATUS, KEDJA_TYPE_CONSENT_FORM, KEDJA_TYPE_CARE_SETTING,
        KEDJA_TYPE_SEVERITY, KEDJA_TYPE_RULE,
      };

      /* kedja_enum_to_nick knows which values are no value of the format
       * (the care setting "none"): they stay NULL here. */
      for (guint t = 0; t < N_ENUMS; t++)
        for (int v = 0; v < MAX_ENUM_VALUES; v++)
          nicks[t][v] = kedja_enum_to_nick (types[t], v);
      g_once_init_leave (&loaded, 1);
    }
}

/* The document ========================================================= */

/* The language of Kedja's own words in the file (the findings), read from
 * the header of the catalogue gettext uses ("Language: sv"), so the
 * attribute is true whatever the environment asked for; the source
 * strings are English. The same locale always gives the same answer. */
static void
find_language (char  *out,
               gsize  size)
{
  const char *header = g_dgettext (GETTEXT_PACKAGE, "");
  const char *line = NULL;
  gsize n = 0;

  if (header != NULL && *header != '\0')
    line = g_str_has_prefix (header, "Language: ") ? header : strstr (header, "\nLanguage: ");
  if (line == NULL)
    {
      g_strlcpy (out, "en", size);
      return;
    }

  line = strchr (line, ':') + 2;
  /* "sv", "sv_SE": a language tag is letters, digits and "-"; a modifier
   * ("sr@latin") ends it. */
  while (n + 1 < size && (g_ascii_isalnum (line[n]) || line[n] == '_' || line[n] == '-'))
    {
      out[n] = line[n] == '_' ? '-' : line[n];
      n++;
    }
  out[n] = '\0';
  if (n == 0 || !g_ascii_isalpha (out[0]))
    g_strlcpy (out, "en", size);
}

gboolean
_kedja_sip_document_init (KedjaSipDocument           *doc,
                          xmlOutputBufferPtr          out,
                          const KedjaSipWriteOptions *options,
                          GError                    **error)
{
  memset (doc, 0, sizeof *doc);
  load_nicks ();

  if (options != NULL && options->settings != NULL)
    doc->settings = *options->settings;
  else
    kedja_analysis_settings_init (&doc->settings);
  doc->today = options != NULL && options->today != KEDJA_DATE_NONE ? options->today
                                                                     : kedja_date_today ();
  find_language (doc->language, sizeof doc->language);
  doc->findings = g_array_new (FALSE, FALSE, sizeof (KedjaFinding));
  doc->scratch = g_string_sized_new (128);

  doc->xml = xmlNewTextWriter (out);
  if (doc->xml == NULL)
    {
      xmlOutputBufferClose (out);
      g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                   _("Could not start the XML writer"));
      return FALSE;
    }

  if (options != NULL && options->exported >= 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (options->exported);
      g_autofree char *text = when ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : NULL;

      if (text == NULL || strlen (text) + 1 != sizeof doc->exported)
        {
          g_set_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_FAILED,
                       /* A plain format, as xgettext cannot read G_GINT64_FORMAT. */
                       _("The export time %lld is not a time SIP can hold"),
                       (long long) options->exported);
          return FALSE;
        }
      memcpy (doc->exported, text, sizeof doc->exported);
    }

  xmlTextWriterSetIndent (doc->xml, 1);
  xmlTextWriterSetIndentString (doc->xml, BAD_CAST "  ");
  if (xmlTextWriterStartDocument (doc->xml, "1.0", "UTF-8", NULL) < 0)
    doc->broken = TRUE;
  return TRUE;
}

void
_kedja_sip_document_end (KedjaSipDocument *doc)
{
  if (doc->xml == NULL)
    return;
  if (xmlTextWriterEndDocument (doc->xml) < 0 || xmlTextWriterFlush (doc->xml) < 0)
    doc->broken = TRUE;
}

void
_kedja_sip_document_clear (KedjaSipDocument *doc)
{
  /* Frees the output buffer too. */
  g_clear_pointer (&doc->xml, xmlFreeTextWriter);
  g_clear_pointer (&doc->findings, g_array_unref);
  if (doc->scratch != NULL)
    g_string_free (g_steal_pointer (&doc->scratch), TRUE);
}

/* Writing elements ===================================================== */

/* Every libxml2 call goes through these; a failure is remembered and
 * reported once, when the plan or the document is done. */
static void
start (KedjaSipDocument *doc,
       const char       *name)
{
  if (xmlTextWriterStartElement (doc->xml, BAD_CAST name) < 0)
    doc->broken = TRUE;
}

static void
end (KedjaSipDocument *doc)
{
  if (xmlTextWriterEndElement (doc->xml) < 0)
    doc->broken = TRUE;
}

static void
attr (KedjaSipDocument *doc,
      const char       *name,
      const char       *value)
{
  if (xmlTextWriterWriteAttribute (doc->xml, BAD_CAST name, BAD_CAST value) < 0)
    doc->broken = TRUE;
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

/* Optional text: left out when absent or blank, since the format has no
 * empty text. */
static void
attr_text (KedjaSipDocument *doc,
           const char       *name,
           const char       *value)
{
  if (has_text (value))
    attr (doc, name, value);
}

static void
attr_date (KedjaSipDocument *doc,
           const char       *name,
           KedjaDate         date)
{
  char buf[KEDJA_DATE_STRLEN];

  if (date == KEDJA_DATE_NONE)
    return;
  kedja_date_format (date, buf);
  attr (doc, name, buf);
}

static void
attr_nick (KedjaSipDocument *doc,
           const char       *name,
           EnumId            type,
           int               value)
{
  const char *nick = value >= 0 && value < MAX_ENUM_VALUES ? nicks[type][value] : NULL;

  /* NULL only for a value outside the enum (or the care setting "none"):
   * leaving it out makes the schema name the attribute that is wrong. */
  if (nick != NULL)
    attr (doc, name, nick);
}

static void
attr_bool (KedjaSipDocument *doc,
           const char       *name,
           gboolean          value)
{
  attr (doc, name, value ? "true" : "false");
}

static void
element_text (KedjaSipDocument *doc,
              const char       *name,
              const char       *text)
{
  if (xmlTextWriterWriteElement (doc->xml, BAD_CAST name, BAD_CAST text) < 0)
    doc->broken = TRUE;
}

static void
content (KedjaSipDocument *doc,
         const char       *text)
{
  if (xmlTextWriterWriteString (doc->xml, BAD_CAST (text ? text : "")) < 0)
    doc->broken = TRUE;
}

/* The plan ============================================================= */

/* Whether a person's name may be written. Under a protected identity the
 * client's own name and the relatives' names lead to the person (relatives
 * often share the protection), whatever the plan holds and whatever the
 * export policy was: this check does not depend on the caller. */
static gboolean
may_name (const KedjaPlan        *plan,
          const KedjaParticipant *p)
{
  return !plan->client->protected_identity
         || (p->role != KEDJA_ROLE_CLIENT && p->role != KEDJA_ROLE_RELATIVE);
}

static void
write_person (KedjaSipDocument       *doc,
              const KedjaPlan        *plan,
              const char             *element,
              const KedjaParticipant *p)
{
  start (doc, element);
  attr_nick (doc, "role", ENUM_ROLE, p->role);
  attr_text (doc, "agency", p->agency_id);
  if (may_name (plan, p))
    attr_text (doc, "name", p->name);
  end (doc);
}

static void
write_client (KedjaSipDocument  *doc,
              const KedjaClient *client)
{
  char children[16];

  start (doc, "client");
  attr (doc, "id", client->id ? client->id : "");
  attr_bool (doc, "protected-identity", client->protected_identity);
  attr_bool (doc, "has-own-housing", client->has_own_housing);
  if (!client->protected_identity)
    {
      if (has_text (client->name))
        element_text (doc, "name", client->name);
      if (has_text (client->personal_number))
        element_text (doc, "personal-number", client->personal_number);
      if (has_text (client->district))
        element_text (doc, "district", client->district);
    }
  g_snprintf (children, sizeof children, "%u", client->children_under_18);
  element_text (doc, "children-under-18", children);
  element_text (doc, "relatives-involved", client->relatives_involved ? "true" : "false");
  end (doc);
}

static void
write_agencies (KedjaSipDocument *doc,
                const KedjaPlan  *plan)
{
  if (plan->agencies->len == 0)
    return;

  start (doc, "agencies");
  for (guint i = 0; i < plan->agencies->len; i++)
    {
      const KedjaAgency *agency = g_ptr_array_index (plan->agencies, i);

      start (doc, "agency");
      attr (doc, "id", agency->id ? agency->id : "");
      attr_nick (doc, "kind", ENUM_AGENCY_KIND, agency->kind);
      attr_text (doc, "hsa-id", agency->hsa_id);
      attr_text (doc, "org-number", agency->org_number);
      element_text (doc, "name", agency->name ? agency->name : "");
      if (has_text (agency->contact))
        element_text (doc, "contact", agency->contact);
      end (doc);
    }
  end (doc);
}

static void
write_people (KedjaSipDocument *doc,
              const KedjaPlan  *plan)
{
  /* The coordinator's name has no place without the agency that holds the
   * responsibility: the format ties them together. */
  if (has_text (plan->coordinating_agency_id))
    {
      start (doc, "coordination");
      attr (doc, "agency", plan->coordinating_agency_id);
      attr_text (doc, "coordinator", plan->coordinator);
      end (doc);
    }

  if (plan->participants->len > 0)
    {
      start (doc, "participants");
      for (guint i = 0; i < plan->participants->len; i++)
        write_person (doc, plan, "participant", g_ptr_array_index (plan->participants, i));
      end (doc);
    }

  if (plan->consents->len > 0)
    {
      start (doc, "consents");
      for (guint i = 0; i < plan->consents->len; i++)
        {
          const KedjaConsent *consent = g_ptr_array_index (plan->consents, i);

          start (doc, "consent");
          attr (doc, "agency", consent->agency_id ? consent->agency_id : "");
          attr_date (doc, "given", consent->given);
          attr_nick (doc, "form", ENUM_CONSENT_FORM, consent->form);
          attr_date (doc, "expires", consent->expires);
          attr_date (doc, "withdrawn", consent->withdrawn);
          if (has_text (consent->exclusion))
            element_text (doc, "exclusion", consent->exclusion);
          end (doc);
        }
      end (doc);
    }
}

static void
write_goals (KedjaSipDocument *doc,
             const KedjaPlan  *plan)
{
  if (plan->goals->len == 0)
    return;

  start (doc, "goals");
  for (guint i = 0; i < plan->goals->len; i++)
    {
      const KedjaGoal *goal = g_ptr_array_index (plan->goals, i);

      start (doc, "goal");
      attr (doc, "id", goal->id ? goal->id : "");
      attr_nick (doc, "domain", ENUM_DOMAIN, goal->domain);
      attr_date (doc, "target", goal->target);
      attr_nick (doc, "status", ENUM_GOAL_STATUS, goal->status);
      content (doc, goal->statement);
      end (doc);
    }
  end (doc);
}

static void
write_step (KedjaSipDocument *doc,
            const KedjaStep  *step)
{
  start (doc, "step");
  attr (doc, "id", step->id ? step->id : "");
  attr_nick (doc, "phase", ENUM_PHASE, step->phase);
  attr_nick (doc, "status", ENUM_STEP_STATUS, step->status);
  attr_text (doc, "agency", step->agency_id);
  attr_text (doc, "contact", step->contact);
  attr_nick (doc, "setting", ENUM_CARE_SETTING, step->setting);
  attr_text (doc, "code", step->code);

  element_text (doc, "title", step->title ? step->title : "");

  start (doc, "planned");
  attr_date (doc, "start", step->planned_start);
  attr_date (doc, "end", step->planned_end);
  end (doc);

  if (step->actual_start != KEDJA_DATE_NONE || step->actual_end != KEDJA_DATE_NONE)
    {
      start (doc, "actual");
      attr_date (doc, "start", step->actual_start);
      attr_date (doc, "end", step->actual_end);
      end (doc);
    }

  for (guint i = 0; i < step->goal_ids->len; i++)
    {
      start (doc, "goal-ref");
      attr (doc, "goal", g_ptr_array_index (step->goal_ids, i));
      end (doc);
    }

  if (has_text (step->note))
    element_text (doc, "note", step->note);
  end (doc);
}

static void
write_chain (KedjaSipDocument *doc,
             const KedjaPlan  *plan)
{
  if (plan->steps->len > 0)
    {
      start (doc, "steps");
      for (guint i = 0; i < plan->steps->len; i++)
        write_step (doc, g_ptr_array_index (plan->steps, i));
      end (doc);
    }

  if (plan->handovers->len > 0)
    {
      start (doc, "handovers");
      for (guint i = 0; i < plan->handovers->len; i++)
        {
          const KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);

          start (doc, "handover");
          attr (doc, "from", handover->from_step_id ? handover->from_step_id : "");
          attr (doc, "to", handover->to_step_id ? handover->to_step_id : "");
          attr_date (doc, "planned", handover->planned);
          attr_date (doc, "meeting", handover->meeting);
          attr_date (doc, "confirmed", handover->confirmed);
          attr_text (doc, "confirmed-by", handover->confirmed_by);
          end (doc);
        }
      end (doc);
    }
}

static void
write_follow_up (KedjaSipDocument *doc,
                 const KedjaPlan  *plan)
{
  if (plan->follow_up != KEDJA_DATE_NONE)
    {
      start (doc, "follow-up");
      attr_date (doc, "date", plan->follow_up);
      end (doc);
    }

  if (plan->meetings->len > 0)
    {
      start (doc, "meetings");
      for (guint i = 0; i < plan->meetings->len; i++)
        {
          const KedjaMeeting *meeting = g_ptr_array_index (plan->meetings, i);

          start (doc, "meeting");
          attr_date (doc, "date", meeting->date);
          for (guint j = 0; j < meeting->attendees->len; j++)
            write_person (doc, plan, "attendee", g_ptr_array_index (meeting->attendees, j));
          end (doc);
        }
      end (doc);
    }

  /* A rating's note stays behind: SIP 1.0 has no place for it. */
  if (plan->ratings->len > 0)
    {
      start (doc, "ratings");
      for (guint i = 0; i < plan->ratings->len; i++)
        {
          const KedjaRating *rating = g_ptr_array_index (plan->ratings, i);
          char value[16];

          g_snprintf (value, sizeof value, "%u", rating->value);
          start (doc, "rating");
          attr_date (doc, "date", rating->date);
          attr_nick (doc, "domain", ENUM_DOMAIN, rating->domain);
          attr (doc, "value", value);
          end (doc);
        }
      end (doc);
    }
}

/* The findings of the plan as written (not of a fuller plan it was copied
 * from), so that every step they name is in the file. */
static void
write_findings (KedjaSipDocument *doc,
                const KedjaPlan  *plan)
{
  g_array_set_size (doc->findings, 0);
  kedja_analyse_into (plan, &doc->settings, doc->today, doc->findings);
  if (doc->findings->len == 0)
    return;

  start (doc, "findings");
  for (guint i = 0; i < doc->findings->len; i++)
    {
      const KedjaFinding *f = &g_array_index (doc->findings, KedjaFinding, i);
      g_autofree char *message = kedja_finding_format_message (f, plan);

      start (doc, "finding");
      attr_nick (doc, "rule", ENUM_RULE, f->rule);
      attr_nick (doc, "severity", ENUM_SEVERITY, f->severity);
      attr_date (doc, "start", f->start);
      attr_date (doc, "end", f->end);

      g_string_truncate (doc->scratch, 0);
      if (f->step != NULL)
        g_string_append (doc->scratch, f->step->id);
      if (f->next_step != NULL)
        {
          if (doc->scratch->len > 0)
            g_string_append_c (doc->scratch, ' ');
          g_string_append (doc->scratch, f->next_step->id);
        }
      if (doc->scratch->len > 0)
        attr (doc, "steps", doc->scratch->str);

      content (doc, message);
      end (doc);
    }
  end (doc);
}

void
_kedja_sip_document_write_plan (KedjaSipDocument *doc,
                                const KedjaPlan  *plan,
                                gboolean          root)
{
  char revision[32];

  start (doc, "sip");
  if (root)
    attr (doc, "xmlns", KEDJA_SIP_NAMESPACE);
  attr (doc, "format-version", SIP_FORMAT_VERSION);
  attr (doc, "id", plan->id ? plan->id : "");
  g_snprintf (revision, sizeof revision, "%" G_GINT64_FORMAT, plan->revision);
  attr (doc, "revision", revision);
  attr_nick (doc, "status", ENUM_PLAN_STATUS, plan->status);
  attr_date (doc, "created", plan->created);
  if (doc->exported[0] != '\0')
    attr (doc, "exported", doc->exported);
  if (doc->language[0] != '\0')
    attr (doc, "language", doc->language);

  element_text (doc, "title", plan->title ? plan->title : "");
  write_client (doc, plan->client);
  if (has_text (plan->own_goal))
    element_text (doc, "own-goal", plan->own_goal);
  if (plan->need_recorded != KEDJA_DATE_NONE)
    {
      char buf[KEDJA_DATE_STRLEN];

      kedja_date_format (plan->need_recorded, buf);
      element_text (doc, "need-recorded", buf);
    }
  write_agencies (doc, plan);
  write_people (doc, plan);
  write_goals (doc, plan);
  write_chain (doc, plan);
  write_follow_up (doc, plan);
  write_findings (doc, plan);
  end (doc);
}

void
_kedja_sip_document_start_collection (KedjaSipDocument *doc)
{
  start (doc, "sip-collection");
  attr (doc, "xmlns", KEDJA_SIP_NAMESPACE);
  attr (doc, "format-version", SIP_FORMAT_VERSION);
  if (doc->exported[0] != '\0')
    attr (doc, "exported", doc->exported);
}
