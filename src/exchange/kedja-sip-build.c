/* kedja-sip-build.c — the plans of a SIP document, built as its elements stream past
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only elements the schema has let through reach these builders (the
 * reader stops building at the first problem), yet each asks again
 * whether the element fits where it is, so that no builder ever touches a
 * record that is not there. When a plan's </sip> has passed, the checks
 * of kedja-sip-checks.c decide whether it is kept.
 */
#define G_LOG_DOMAIN "kedja-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kedja-sip-reader-private.h"

typedef enum {
  EL_OTHER,
  EL_DOCUMENT,     /* the parent of the root */
  EL_COLLECTION,
  EL_SIP,
  EL_TITLE,
  EL_CLIENT,
  EL_NAME,
  EL_PERSONAL_NUMBER,
  EL_DISTRICT,
  EL_CHILDREN,
  EL_RELATIVES,
  EL_OWN_GOAL,
  EL_NEED_RECORDED,
  EL_AGENCY,
  EL_CONTACT,
  EL_COORDINATION,
  EL_PARTICIPANT,
  EL_CONSENT,
  EL_EXCLUSION,
  EL_GOAL,
  EL_STEP,
  EL_PLANNED,
  EL_ACTUAL,
  EL_GOAL_REF,
  EL_NOTE,
  EL_HANDOVER,
  EL_FOLLOW_UP,
  EL_MEETING,
  EL_ATTENDEE,
  EL_RATING,
} Element;

/* The elements the reader acts on; the lists around them (<agencies>,
 * <steps>, …) and <findings>, which Kedja recomputes, it passes by. */
static const struct {
  const char *name;
  Element     element;
} elements[] = {
  { "sip-collection", EL_COLLECTION },
  { "sip", EL_SIP },
  { "title", EL_TITLE },
  { "client", EL_CLIENT },
  { "name", EL_NAME },
  { "personal-number", EL_PERSONAL_NUMBER },
  { "district", EL_DISTRICT },
  { "children-under-18", EL_CHILDREN },
  { "relatives-involved", EL_RELATIVES },
  { "own-goal", EL_OWN_GOAL },
  { "need-recorded", EL_NEED_RECORDED },
  { "agency", EL_AGENCY },
  { "contact", EL_CONTACT },
  { "coordination", EL_COORDINATION },
  { "participant", EL_PARTICIPANT },
  { "consent", EL_CONSENT },
  { "exclusion", EL_EXCLUSION },
  { "goal", EL_GOAL },
  { "step", EL_STEP },
  { "planned", EL_PLANNED },
  { "actual", EL_ACTUAL },
  { "goal-ref", EL_GOAL_REF },
  { "note", EL_NOTE },
  { "handover", EL_HANDOVER },
  { "follow-up", EL_FOLLOW_UP },
  { "meeting", EL_MEETING },
  { "attendee", EL_ATTENDEE },
  { "rating", EL_RATING },
};

/* Text longer than any the schema allows (4,000 characters) is not kept:
 * the schema refuses the element when it ends. */
#define MAX_TEXT_BYTES (4 * 4000 + 4)

/* Deeper than any element the builders act on: a document that nests
 * deeper has broken its schema before it gets there. */
#define STACK_DEPTH 8

struct _KedjaSipBuilder
{
  KedjaSipReading *reading;
  xmlTextReaderPtr xml;
  GPtrArray       *plans;
  GHashTable      *plan_lines;     /* plan id → line of its <sip> */
  Element          stack[STACK_DEPTH];

  /* The records being read */
  KedjaAgency     *agency;
  KedjaConsent    *consent;
  KedjaGoal       *goal;
  KedjaStep       *step;
  KedjaMeeting    *meeting;
  GString         *text;           /* of the leaf element being read */
  gboolean         in_text;
};

static Element
element_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    if (g_str_equal (elements[i].name, name))
      return elements[i].element;
  return EL_OTHER;
}

static void
remember_line (KedjaSipBuilder *self,
               gconstpointer    key)
{
  KedjaSipReading *reading = self->reading;

  g_hash_table_insert (reading->lines, (gpointer) key,
                       GINT_TO_POINTER (_kedja_sip_reading_line (reading)));
}

/* Start tags */

static gboolean
begin_plan (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  g_autofree char *id = _kedja_sip_attribute (reading, "id", TRUE);
  g_autofree char *revision = _kedja_sip_attribute (reading, "revision", TRUE);
  int line = _kedja_sip_reading_line (reading);
  int status = KEDJA_PLAN_STATUS_DRAFT;
  KedjaDate created = KEDJA_DATE_NONE;
  guint64 number;
  gpointer first_line;

  if (id == NULL || revision == NULL
      || !_kedja_sip_enum_attribute (reading, "status", KEDJA_TYPE_PLAN_STATUS, TRUE, &status)
      || !_kedja_sip_date_attribute (reading, "created", TRUE, &created)
      || !_kedja_sip_parse_number (reading, "revision", revision, G_MAXINT64, &number))
    return FALSE;

  /* A partner tells revisions of one plan apart by its id: two in one
   * file would leave it unclear which one counts. */
  if (g_hash_table_lookup_extended (self->plan_lines, id, NULL, &first_line))
    {
      g_autofree char *where = _kedja_sip_reading_where (reading, line);

      return _kedja_sip_reading_invalid (reading,
                                         g_strdup_printf (_("%s: the plan %s appears twice in "
                                                            "the document (first on line %d)"),
                                                          where, id,
                                                          GPOINTER_TO_INT (first_line)));
    }
  g_hash_table_insert (self->plan_lines, g_strdup (id), GINT_TO_POINTER (line));

  reading->plan = kedja_plan_new (id, kedja_client_new (NULL, NULL), NULL);
  reading->plan->revision = (gint64) number;
  reading->plan->status = status;
  reading->plan->created = created;
  reading->plan_line = line;
  reading->lines = g_hash_table_new (NULL, NULL);
  return TRUE;
}

static gboolean
begin_client (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  KedjaClient *client = reading->plan->client;
  g_autofree char *id = _kedja_sip_attribute (reading, "id", TRUE);
  g_autofree char *protected = _kedja_sip_attribute (reading, "protected-identity", TRUE);
  g_autofree char *housing = _kedja_sip_attribute (reading, "has-own-housing", FALSE);

  if (id == NULL || protected == NULL
      || !_kedja_sip_parse_boolean (reading, "protected-identity", protected,
                                    &client->protected_identity)
      || (housing != NULL
          && !_kedja_sip_parse_boolean (reading, "has-own-housing", housing,
                                        &client->has_own_housing)))
    return FALSE;

  g_free (client->id);
  client->id = g_steal_pointer (&id);
  return TRUE;
}

static gboolean
begin_agency (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  g_autofree char *id = _kedja_sip_attribute (reading, "id", TRUE);
  int kind = KEDJA_AGENCY_KIND_OTHER;

  if (id == NULL
      || !_kedja_sip_enum_attribute (reading, "kind", KEDJA_TYPE_AGENCY_KIND, TRUE, &kind))
    return FALSE;

  self->agency = kedja_agency_new (id, NULL, kind);
  self->agency->hsa_id = _kedja_sip_attribute (reading, "hsa-id", FALSE);
  self->agency->org_number = _kedja_sip_attribute (reading, "org-number", FALSE);
  g_ptr_array_add (reading->plan->agencies, self->agency);
  remember_line (self, self->agency);
  return TRUE;
}

static gboolean
begin_coordination (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  KedjaPlan *plan = reading->plan;
  char *agency = _kedja_sip_attribute (reading, "agency", TRUE);

  if (agency == NULL)
    return FALSE;
  g_free (plan->coordinating_agency_id);
  plan->coordinating_agency_id = agency;
  g_free (plan->coordinator);
  plan->coordinator = _kedja_sip_attribute (reading, "coordinator", FALSE);
  remember_line (self, &plan->coordinating_agency_id);
  return TRUE;
}

/* A participant of the plan, or an attendee of a meeting. */
static gboolean
add_person (KedjaSipBuilder *self,
            GPtrArray       *people)
{
  KedjaSipReading *reading = self->reading;
  g_autofree char *agency = _kedja_sip_attribute (reading, "agency", FALSE);
  g_autofree char *name = _kedja_sip_attribute (reading, "name", FALSE);
  int role = KEDJA_ROLE_PARTICIPANT;
  KedjaParticipant *person;

  if (!_kedja_sip_enum_attribute (reading, "role", KEDJA_TYPE_ROLE, TRUE, &role))
    return FALSE;
  person = kedja_participant_new (role, agency, name);
  g_ptr_array_add (people, person);
  remember_line (self, person);
  return TRUE;
}

static gboolean
begin_consent (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  g_autofree char *agency = _kedja_sip_attribute (reading, "agency", TRUE);
  int form = KEDJA_CONSENT_FORM_WRITTEN;
  KedjaDate given = KEDJA_DATE_NONE, expires = KEDJA_DATE_NONE, withdrawn = KEDJA_DATE_NONE;

  if (agency == NULL
      || !_kedja_sip_date_attribute (reading, "given", TRUE, &given)
      || !_kedja_sip_enum_attribute (reading, "form", KEDJA_TYPE_CONSENT_FORM, TRUE, &form)
      || !_kedja_sip_date_attribute (reading, "expires", FALSE, &expires)
      || !_kedja_sip_date_attribute (reading, "withdrawn", FALSE, &withdrawn))
    return FALSE;

  self->consent = kedja_consent_new (agency, given, form);
  self->consent->expires = expires;
  self->consent->withdrawn = withdrawn;
  g_ptr_array_add (reading->plan->consents, self->consent);
  remember_line (self, self->consent);
  return TRUE;
}

static gboolean
begin_goal (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  g_autofree char *id = _kedja_sip_attribute (reading, "id", TRUE);
  int domain = KEDJA_DOMAIN_SUBSTANCE_USE;
  int status = KEDJA_GOAL_STATUS_ACTIVE;
  KedjaDate target = KEDJA_DATE_NONE;

  if (id == NULL
      || !_kedja_sip_enum_attribute (reading, "domain", KEDJA_TYPE_DOMAIN, TRUE, &domain)
      || !_kedja_sip_enum_attribute (reading, "status", KEDJA_TYPE_GOAL_STATUS, TRUE, &status)
      || !_kedja_sip_date_attribute (reading, "target", FALSE, &target))
    return FALSE;

  self->goal = kedja_goal_new (id, domain, NULL);
  self->goal->status = status;
  self->goal->target = target;
  g_ptr_array_add (reading->plan->goals, self->goal);
  remember_line (self, self->goal);
  return TRUE;
}

static gboolean
begin_step (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  g_autofree char *id = _kedja_sip_attribute (reading, "id", TRUE);
  int phase = KEDJA_PHASE_DETOX;
  int status = KEDJA_STEP_STATUS_PLANNED;
  int setting = KEDJA_CARE_SETTING_NONE;

  if (id == NULL
      || !_kedja_sip_enum_attribute (reading, "phase", KEDJA_TYPE_PHASE, TRUE, &phase)
      || !_kedja_sip_enum_attribute (reading, "status", KEDJA_TYPE_STEP_STATUS, TRUE, &status)
      || !_kedja_sip_enum_attribute (reading, "setting", KEDJA_TYPE_CARE_SETTING, FALSE,
                                     &setting))
    return FALSE;

  self->step = kedja_step_new (id, phase, NULL);
  self->step->status = status;
  self->step->setting = setting;
  self->step->agency_id = _kedja_sip_attribute (reading, "agency", FALSE);
  self->step->contact = _kedja_sip_attribute (reading, "contact", FALSE);
  self->step->code = _kedja_sip_attribute (reading, "code", FALSE);
  g_ptr_array_add (reading->plan->steps, self->step);
  remember_line (self, self->step);
  return TRUE;
}

/* <planned> and <actual>: the line is remembered under the start field,
 * where the checks look for it. */
static gboolean
read_step_dates (KedjaSipBuilder *self,
                 gboolean         planned,
                 KedjaDate       *start,
                 KedjaDate       *end)
{
  KedjaSipReading *reading = self->reading;

  if (!_kedja_sip_date_attribute (reading, "start", planned, start)
      || !_kedja_sip_date_attribute (reading, "end", FALSE, end))
    return FALSE;
  remember_line (self, start);
  return TRUE;
}

static gboolean
add_goal_ref (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  char *goal = _kedja_sip_attribute (reading, "goal", TRUE);

  if (goal == NULL)
    return FALSE;
  g_ptr_array_add (self->step->goal_ids, goal);
  remember_line (self, goal);
  return TRUE;
}

static gboolean
add_handover (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  g_autofree char *from = _kedja_sip_attribute (reading, "from", TRUE);
  g_autofree char *to = _kedja_sip_attribute (reading, "to", TRUE);
  KedjaDate planned = KEDJA_DATE_NONE, meeting = KEDJA_DATE_NONE, confirmed = KEDJA_DATE_NONE;
  KedjaHandover *handover;

  if (from == NULL || to == NULL
      || !_kedja_sip_date_attribute (reading, "planned", TRUE, &planned)
      || !_kedja_sip_date_attribute (reading, "meeting", FALSE, &meeting)
      || !_kedja_sip_date_attribute (reading, "confirmed", FALSE, &confirmed))
    return FALSE;

  handover = kedja_handover_new (from, to, planned);
  handover->meeting = meeting;
  handover->confirmed = confirmed;
  handover->confirmed_by = _kedja_sip_attribute (reading, "confirmed-by", FALSE);
  g_ptr_array_add (reading->plan->handovers, handover);
  remember_line (self, handover);
  return TRUE;
}

static gboolean
begin_meeting (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  KedjaDate date = KEDJA_DATE_NONE;

  if (!_kedja_sip_date_attribute (reading, "date", TRUE, &date))
    return FALSE;
  self->meeting = kedja_meeting_new (date);
  g_ptr_array_add (reading->plan->meetings, self->meeting);
  remember_line (self, self->meeting);
  return TRUE;
}

static gboolean
add_rating (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  g_autofree char *value = _kedja_sip_attribute (reading, "value", TRUE);
  int domain = KEDJA_DOMAIN_SUBSTANCE_USE;
  KedjaDate date = KEDJA_DATE_NONE;
  guint64 number;
  KedjaRating *rating;

  if (value == NULL
      || !_kedja_sip_date_attribute (reading, "date", TRUE, &date)
      || !_kedja_sip_enum_attribute (reading, "domain", KEDJA_TYPE_DOMAIN, TRUE, &domain)
      || !_kedja_sip_parse_number (reading, "value", value, 10, &number))
    return FALSE;

  rating = kedja_rating_new (date, domain, (guint) number);
  g_ptr_array_add (reading->plan->ratings, rating);
  remember_line (self, rating);
  return TRUE;
}

static gboolean
is_text_element (Element element)
{
  switch (element)
    {
    case EL_TITLE:
    case EL_NAME:
    case EL_PERSONAL_NUMBER:
    case EL_DISTRICT:
    case EL_CHILDREN:
    case EL_RELATIVES:
    case EL_OWN_GOAL:
    case EL_NEED_RECORDED:
    case EL_CONTACT:
    case EL_EXCLUSION:
    case EL_GOAL:
    case EL_NOTE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether @element may start inside @parent in the state the reader is
 * in: what the schema already guaranteed, asked again so that the builders
 * below never touch a record that is not there. */
static gboolean
fits (KedjaSipBuilder *self,
      Element          element,
      Element          parent)
{
  KedjaSipReading *reading = self->reading;

  switch (element)
    {
    case EL_COLLECTION:
      return parent == EL_DOCUMENT;
    case EL_SIP:
      return reading->plan == NULL && (parent == EL_DOCUMENT || parent == EL_COLLECTION);
    case EL_STEP:
      return reading->plan != NULL && self->step == NULL;
    case EL_PLANNED:
    case EL_ACTUAL:
    case EL_GOAL_REF:
    case EL_NOTE:
      return self->step != NULL && parent == EL_STEP;
    case EL_TITLE:
      return reading->plan != NULL && (parent == EL_SIP || (parent == EL_STEP && self->step));
    case EL_NAME:
      return reading->plan != NULL
             && (parent == EL_CLIENT || (parent == EL_AGENCY && self->agency));
    case EL_CONTACT:
      return self->agency != NULL && parent == EL_AGENCY;
    case EL_EXCLUSION:
      return self->consent != NULL && parent == EL_CONSENT;
    case EL_ATTENDEE:
      return self->meeting != NULL && parent == EL_MEETING;
    case EL_PERSONAL_NUMBER:
    case EL_DISTRICT:
    case EL_CHILDREN:
    case EL_RELATIVES:
      return reading->plan != NULL && parent == EL_CLIENT;
    case EL_OTHER:
    case EL_DOCUMENT:
      return TRUE;
    default:
      return reading->plan != NULL;
    }
}

static gboolean
start_element (KedjaSipBuilder *self,
               Element          element,
               Element          parent)
{
  KedjaSipReading *reading = self->reading;
  KedjaPlan *plan = reading->plan;

  if (!fits (self, element, parent))
    {
      _kedja_sip_reading_unexpected (reading);
      return FALSE;
    }

  if (is_text_element (element))
    {
      g_string_truncate (self->text, 0);
      self->in_text = TRUE;
      if (element == EL_PERSONAL_NUMBER)
        remember_line (self, &plan->client->personal_number);
      else if (element == EL_GOAL)
        return begin_goal (self);
      return TRUE;
    }

  switch (element)
    {
    case EL_SIP:
      return begin_plan (self);
    case EL_CLIENT:
      return begin_client (self);
    case EL_AGENCY:
      return begin_agency (self);
    case EL_COORDINATION:
      return begin_coordination (self);
    case EL_PARTICIPANT:
      return add_person (self, plan->participants);
    case EL_CONSENT:
      return begin_consent (self);
    case EL_STEP:
      return begin_step (self);
    case EL_PLANNED:
      return read_step_dates (self, TRUE, &self->step->planned_start, &self->step->planned_end);
    case EL_ACTUAL:
      return read_step_dates (self, FALSE, &self->step->actual_start, &self->step->actual_end);
    case EL_GOAL_REF:
      return add_goal_ref (self);
    case EL_HANDOVER:
      return add_handover (self);
    case EL_FOLLOW_UP:
      return _kedja_sip_date_attribute (reading, "date", TRUE, &plan->follow_up);
    case EL_MEETING:
      return begin_meeting (self);
    case EL_ATTENDEE:
      return add_person (self, self->meeting->attendees);
    case EL_RATING:
      return add_rating (self);
    default:
      return TRUE;
    }
}

/* End tags */

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

static gboolean
end_text_element (KedjaSipBuilder *self,
                  Element          element,
                  Element          parent)
{
  KedjaSipReading *reading = self->reading;
  KedjaPlan *plan = reading->plan;
  KedjaClient *client = plan->client;
  g_autofree char *text = g_strndup (self->text->str, self->text->len);
  guint64 number;

  self->in_text = FALSE;
  switch (element)
    {
    case EL_TITLE:
      replace (parent == EL_STEP ? &self->step->title : &plan->title, g_steal_pointer (&text));
      break;
    case EL_NAME:
      replace (parent == EL_AGENCY ? &self->agency->name : &client->name, g_steal_pointer (&text));
      break;
    case EL_PERSONAL_NUMBER:
      replace (&client->personal_number, g_steal_pointer (&text));
      break;
    case EL_DISTRICT:
      replace (&client->district, g_steal_pointer (&text));
      break;
    case EL_CHILDREN:
      if (!_kedja_sip_parse_number (reading, NULL, text, 99, &number))
        return FALSE;
      client->children_under_18 = (guint) number;
      break;
    case EL_RELATIVES:
      return _kedja_sip_parse_boolean (reading, NULL, text, &client->relatives_involved);
    case EL_OWN_GOAL:
      replace (&plan->own_goal, g_steal_pointer (&text));
      break;
    case EL_NEED_RECORDED:
      return _kedja_sip_parse_date (reading, NULL, text, &plan->need_recorded);
    case EL_CONTACT:
      replace (&self->agency->contact, g_steal_pointer (&text));
      break;
    case EL_EXCLUSION:
      replace (&self->consent->exclusion, g_steal_pointer (&text));
      break;
    case EL_GOAL:
      replace (&self->goal->statement, g_steal_pointer (&text));
      self->goal = NULL;
      break;
    case EL_NOTE:
      replace (&self->step->note, g_steal_pointer (&text));
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
end_plan (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  gboolean ok = _kedja_sip_check_plan (reading);

  if (ok && reading->each != NULL)
    {
      GError *error = NULL;

      if (!reading->each (g_steal_pointer (&reading->plan), reading->each_data, &error))
        {
          reading->error = error;
          ok = FALSE;
        }
    }
  else if (ok)
    g_ptr_array_add (self->plans, g_steal_pointer (&reading->plan));
  g_clear_pointer (&reading->plan, kedja_plan_unref);
  g_clear_pointer (&reading->lines, g_hash_table_unref);
  return ok;
}

static gboolean
end_element (KedjaSipBuilder *self,
             Element          element,
             Element          parent)
{
  if (is_text_element (element))
    return end_text_element (self, element, parent);

  switch (element)
    {
    case EL_SIP:
      return end_plan (self);
    case EL_AGENCY:
      self->agency = NULL;
      break;
    case EL_CONSENT:
      self->consent = NULL;
      break;
    case EL_STEP:
      self->step = NULL;
      break;
    case EL_MEETING:
      self->meeting = NULL;
      break;
    default:
      break;
    }
  return TRUE;
}

gboolean
_kedja_sip_builder_node (KedjaSipBuilder *self)
{
  KedjaSipReading *reading = self->reading;
  int type = xmlTextReaderNodeType (self->xml);
  int depth = xmlTextReaderDepth (self->xml);
  Element element, parent;

  if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
      || type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
    {
      const char *value = (const char *) xmlTextReaderConstValue (self->xml);

      if (self->in_text && value != NULL && self->text->len < MAX_TEXT_BYTES)
        g_string_append (self->text, value);
      return TRUE;
    }
  if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
    return TRUE;

  /* Deeper than the reader acts on: the schema has already said no. */
  if (depth < 0 || depth >= STACK_DEPTH)
    {
      _kedja_sip_reading_unexpected (reading);
      return FALSE;
    }
  parent = depth > 0 ? self->stack[depth - 1] : EL_DOCUMENT;

  if (type == XML_READER_TYPE_END_ELEMENT)
    return end_element (self, self->stack[depth], parent);

  element = element_from_name ((const char *) xmlTextReaderConstLocalName (self->xml));
  self->stack[depth] = element;
  if (!start_element (self, element, parent))
    return FALSE;
  if (xmlTextReaderIsEmptyElement (self->xml))
    return end_element (self, element, parent);
  return TRUE;
}

KedjaSipBuilder *
_kedja_sip_builder_new (KedjaSipReading *reading)
{
  KedjaSipBuilder *self = g_new0 (KedjaSipBuilder, 1);

  self->reading = reading;
  self->xml = _kedja_xml_stream_get_reader (reading->stream);
  self->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
  self->plan_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->text = g_string_new (NULL);
  return self;
}

void
_kedja_sip_builder_free (KedjaSipBuilder *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_hash_table_unref (self->plan_lines);
  g_string_free (self->text, TRUE);
  g_free (self);
}

GPtrArray *
_kedja_sip_builder_steal_plans (KedjaSipBuilder *self)
{
  return g_steal_pointer (&self->plans);
}
