/* test-demo.c — the demo data generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "kedja-core.h"
#include "kedja-demo.h"

#define N_LARGE 2000

static KedjaDate
test_today (void)
{
  return kedja_date_from_ymd (2026, 11, 29);
}

/* One large run shared by the tests that only read it. */
static KedjaDemoData *large;

static KedjaDemoData *
get_large (void)
{
  if (large == NULL)
    large = kedja_demo_generate (N_LARGE, 1, test_today ());
  return large;
}

static void
test_deterministic (void)
{
  g_autoptr(KedjaDemoData) a = kedja_demo_generate (300, 42, test_today ());
  g_autoptr(KedjaDemoData) b = kedja_demo_generate (300, 42, test_today ());

  g_assert_cmpuint (a->plans->len, ==, 300);
  g_assert_cmpuint (b->plans->len, ==, 300);
  g_assert_cmpuint (a->agencies->len, ==, b->agencies->len);
  for (guint i = 0; i < a->agencies->len; i++)
    g_assert_true (kedja_agency_equal (g_ptr_array_index (a->agencies, i),
                                       g_ptr_array_index (b->agencies, i)));
  for (guint i = 0; i < a->plans->len; i++)
    g_assert_true (kedja_plan_equal (g_ptr_array_index (a->plans, i),
                                     g_ptr_array_index (b->plans, i)));
}

static void
test_seed_changes_data (void)
{
  g_autoptr(KedjaDemoData) a = kedja_demo_generate (100, 42, test_today ());
  g_autoptr(KedjaDemoData) b = kedja_demo_generate (100, 43, test_today ());
  guint same_ids = 0, same_names = 0;

  for (guint i = 0; i < a->plans->len; i++)
    {
      KedjaPlan *x = g_ptr_array_index (a->plans, i);
      KedjaPlan *y = g_ptr_array_index (b->plans, i);

      g_assert_false (kedja_plan_equal (x, y));
      same_ids += g_str_equal (x->id, y->id);
      same_names += g_str_equal (x->client->name, y->client->name);
    }
  g_assert_cmpuint (same_ids, ==, 0);
  /* Names repeat in a city, but not client by client. */
  g_assert_cmpuint (same_names, <, 10);
}

/* Each client has a stream of its own: a smaller run is the start of a
 * larger one, so `--clients 50` and `--clients 2000` agree. */
static void
test_prefix (void)
{
  g_autoptr(KedjaDemoData) small = kedja_demo_generate (50, 7, test_today ());
  g_autoptr(KedjaDemoData) big = kedja_demo_generate (120, 7, test_today ());

  for (guint i = 0; i < small->plans->len; i++)
    g_assert_true (kedja_plan_equal (g_ptr_array_index (small->plans, i),
                                     g_ptr_array_index (big->plans, i)));
}

static void
test_zero_clients (void)
{
  g_autoptr(KedjaDemoData) data = kedja_demo_generate (0, 1, test_today ());

  g_assert_cmpuint (data->plans->len, ==, 0);
  g_assert_cmpuint (data->agencies->len, >, 0);
}

static void
test_every_plan_validates (void)
{
  KedjaDemoData *data = get_large ();

  for (guint i = 0; i < data->plans->len; i++)
    {
      g_autoptr(GError) error = NULL;
      KedjaPlan *plan = g_ptr_array_index (data->plans, i);

      if (!kedja_plan_validate (plan, &error))
        g_error ("plan %u (%s): %s", i, plan->id, error->message);
    }
}

/* Another "today" moves every date, and the plans still hold together. */
static void
test_other_today_validates (void)
{
  g_autoptr(KedjaDemoData) data = kedja_demo_generate (300, 9, kedja_date_from_ymd (2024, 2, 29));

  for (guint i = 0; i < data->plans->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (kedja_plan_validate (g_ptr_array_index (data->plans, i), &error));
      g_assert_no_error (error);
    }
}

static gboolean
is_v4_uuid (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id) && id[14] == '4'
         && strchr ("89ab", id[19]) != NULL;
}

static void
add_unique (GHashTable *seen,
            const char *id)
{
  g_assert_true (is_v4_uuid (id));
  if (!g_hash_table_add (seen, (gpointer) id))
    g_error ("id %s is used twice", id);
}

static void
test_ids_unique (void)
{
  KedjaDemoData *data = get_large ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) directory = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < data->agencies->len; i++)
    {
      KedjaAgency *agency = g_ptr_array_index (data->agencies, i);
      add_unique (seen, agency->id);
      g_hash_table_insert (directory, agency->id, agency);
    }

  for (guint i = 0; i < data->plans->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (data->plans, i);

      add_unique (seen, plan->id);
      add_unique (seen, plan->client->id);
      for (guint j = 0; j < plan->steps->len; j++)
        add_unique (seen, ((KedjaStep *) g_ptr_array_index (plan->steps, j))->id);
      for (guint j = 0; j < plan->goals->len; j++)
        add_unique (seen, ((KedjaGoal *) g_ptr_array_index (plan->goals, j))->id);
      /* A plan's agencies are the directory's entries, unchanged. */
      for (guint j = 0; j < plan->agencies->len; j++)
        {
          KedjaAgency *agency = g_ptr_array_index (plan->agencies, j);
          KedjaAgency *entry = g_hash_table_lookup (directory, agency->id);

          g_assert_nonnull (entry);
          g_assert_true (kedja_agency_equal (agency, entry));
        }
    }
}

static void
test_personal_numbers (void)
{
  KedjaDemoData *data = get_large ();
  guint with_number = 0, coordination = 0;

  for (guint i = 0; i < data->plans->len; i++)
    {
      KedjaClient *client = ((KedjaPlan *) g_ptr_array_index (data->plans, i))->client;
      g_autoptr(GError) error = NULL;
      int year;

      if (client->personal_number == NULL)
        continue;
      with_number++;
      g_assert_cmpuint (strlen (client->personal_number), ==, 13);
      g_assert_true (kedja_personal_number_validate (client->personal_number, &error));
      g_assert_no_error (error);
      coordination += kedja_personal_number_is_coordination (client->personal_number);
      kedja_date_to_ymd (kedja_personal_number_get_birth_date (client->personal_number),
                         &year, NULL, NULL);
      g_assert_cmpint (year, >=, 1960);
      g_assert_cmpint (year, <=, 2004);
    }
  g_assert_cmpuint (with_number, >, N_LARGE * 95 / 100);
  g_assert_cmpuint (coordination, >, 0);
  g_assert_cmpuint (coordination, <, N_LARGE / 10);
}

static void
assert_share (const char *what,
              guint       count,
              guint       total,
              double      low,
              double      high)
{
  double share = (double) count / total;

  g_test_message ("%s: %u of %u (%.1f %%)", what, count, total, 100 * share);
  if (share < low || share > high)
    g_error ("%s: %.1f %% is outside %.1f–%.1f %%", what, 100 * share, 100 * low, 100 * high);
}

static void
test_shares (void)
{
  KedjaDemoData *data = get_large ();
  guint status[3] = { 0 }, protected = 0, children = 0, islands = 0, own_housing = 0;
  g_autoptr(GHashTable) districts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < data->plans->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (data->plans, i);

      status[plan->status]++;
      protected += plan->client->protected_identity;
      children += plan->client->children_under_18 > 0;
      own_housing += plan->client->has_own_housing;
      islands += g_strcmp0 (plan->client->district, "Vrångö") == 0;
      g_hash_table_add (districts, plan->client->district);
      g_assert_cmpuint (plan->steps->len, >=, 6);
      g_assert_cmpuint (plan->steps->len, <=, 14);
    }

  assert_share ("draft", status[KEDJA_PLAN_STATUS_DRAFT], N_LARGE, 0.11, 0.19);
  assert_share ("active", status[KEDJA_PLAN_STATUS_ACTIVE], N_LARGE, 0.65, 0.75);
  assert_share ("closed", status[KEDJA_PLAN_STATUS_CLOSED], N_LARGE, 0.11, 0.19);
  assert_share ("protected identity", protected, N_LARGE, 0.005, 0.04);
  assert_share ("children under 18", children, N_LARGE, 0.15, 0.25);
  assert_share ("own housing", own_housing, N_LARGE, 0.2, 0.4);
  assert_share ("the islands", islands, N_LARGE, 0.001, 0.02);
  /* Ten districts and the islands. */
  g_assert_cmpuint (g_hash_table_size (districts), ==, 11);
}

/* Statuses and dates tell one story: what has begun has an actual start,
 * what has ended an actual end, and a draft has not begun. */
static void
test_dates_consistent (void)
{
  KedjaDemoData *data = get_large ();
  KedjaDate today = test_today ();

  for (guint i = 0; i < data->plans->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (data->plans, i);
      gboolean running = FALSE, later = FALSE;
      KedjaDate first = G_MAXINT32;

      g_assert_cmpint (plan->created, <=, today);
      g_assert_cmpint (plan->need_recorded, !=, KEDJA_DATE_NONE);
      for (guint j = 0; j < plan->steps->len; j++)
        {
          KedjaStep *step = g_ptr_array_index (plan->steps, j);
          KedjaDate start = kedja_step_get_start (step), end = kedja_step_get_end (step);

          g_assert_nonnull (step->agency_id);
          if (step->status == KEDJA_STEP_STATUS_CANCELLED)
            continue;
          first = MIN (first, start);
          switch (step->status)
            {
            case KEDJA_STEP_STATUS_PLANNED:
            case KEDJA_STEP_STATUS_BOOKED:
              g_assert_cmpint (step->actual_start, ==, KEDJA_DATE_NONE);
              g_assert_cmpint (start, >, today);
              later = TRUE;
              break;
            case KEDJA_STEP_STATUS_ONGOING:
              g_assert_cmpint (step->actual_start, <=, today);
              g_assert_cmpint (step->actual_end, ==, KEDJA_DATE_NONE);
              g_assert_true (end == KEDJA_DATE_NONE || end >= today);
              running = TRUE;
              break;
            case KEDJA_STEP_STATUS_COMPLETED:
            case KEDJA_STEP_STATUS_INTERRUPTED:
              g_assert_cmpint (step->actual_start, !=, KEDJA_DATE_NONE);
              g_assert_cmpint (step->actual_end, <, today);
              break;
            default:
              g_assert_not_reached ();
            }
          if (plan->status == KEDJA_PLAN_STATUS_DRAFT)
            g_assert_cmpint (step->actual_start, ==, KEDJA_DATE_NONE);
          if (plan->status == KEDJA_PLAN_STATUS_CLOSED)
            g_assert_cmpint (step->actual_end, !=, KEDJA_DATE_NONE);
        }
      g_assert_cmpint (plan->need_recorded, <=, first);
      /* An active chain spans today: something runs, or the person is in
       * a gap between steps (which the analysis is there to flag). */
      if (plan->status == KEDJA_PLAN_STATUS_ACTIVE)
        {
          g_assert_cmpint (first, <=, today);
          g_assert_true (running || later);
        }
      for (guint j = 0; j < plan->meetings->len; j++)
        g_assert_cmpint (((KedjaMeeting *) g_ptr_array_index (plan->meetings, j))->date, <=, today);
      for (guint j = 0; j < plan->handovers->len; j++)
        {
          KedjaHandover *h = g_ptr_array_index (plan->handovers, j);
          g_assert_true (h->confirmed == KEDJA_DATE_NONE || h->confirmed <= today);
        }
    }
}

static void
test_directory (void)
{
  static const char *const wanted[] = {
    "Socialtjänsten Angered", "Socialtjänsten Östra Göteborg", "Socialtjänsten Örgryte-Härlanda",
    "Socialtjänsten Centrum", "Socialtjänsten Majorna-Linné",
    "Socialtjänsten Askim-Frölunda-Högsbo", "Socialtjänsten Västra Hisingen",
    "Socialtjänsten Lundby", "Socialtjänsten Norra Hisingen", "Socialtjänsten Västra Göteborg",
    "Kamratföreningen 2603", "Länkarna", "Stadsmissionen", "Vägen ut! kooperativen",
    "Anonyma Narkomaner", "Bostadsbolaget", "Arbetsförmedlingen Göteborg", "Försäkringskassan",
  };
  KedjaDemoData *data = get_large ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRegex) hsa = g_regex_new ("^SE2321000131-E[0-9]{12}$", 0, 0, NULL);
  g_autoptr(GRegex) org = g_regex_new ("^[0-9]{6}-[0-9]{4}$", 0, 0, NULL);
  gboolean kinds[KEDJA_AGENCY_KIND_OTHER + 1] = { FALSE };

  for (guint i = 0; i < data->agencies->len; i++)
    {
      KedjaAgency *agency = g_ptr_array_index (data->agencies, i);
      gboolean health = agency->kind == KEDJA_AGENCY_KIND_ADDICTION_CARE
                        || agency->kind == KEDJA_AGENCY_KIND_PSYCHIATRY
                        || agency->kind == KEDJA_AGENCY_KIND_PRIMARY_CARE;

      g_hash_table_add (names, agency->name);
      kinds[agency->kind] = TRUE;
      g_assert_nonnull (agency->contact);
      if (health)
        g_assert_true (g_regex_match (hsa, agency->hsa_id, 0, NULL));
      else
        g_assert_true (g_regex_match (org, agency->org_number, 0, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (!g_hash_table_contains (names, wanted[i]))
      g_error ("the directory has no “%s”", wanted[i]);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_true (kinds[k]);
}

/* ------------------------------------------------------------------------
 * A small reading of DESIGN.md's gap rules, enough to count how many plans
 * have a problem. It is no substitute for the analysis; it checks that the
 * generator makes most plans sound and the rest wrong in the ways the
 * field describes. */

enum {
  R_UNCOVERED, R_HANDOVER_GAP, R_RELEASED, R_UNCONFIRMED, R_NO_NEXT, R_NO_HOUSING,
  R_NO_COORDINATOR, R_FOLLOW_UP, R_CONSENT, R_CHILDREN, R_OWN_GOAL, R_OVERLAP, R_LONG_WAIT,
  N_RULES
};

static const char *const rule_names[N_RULES] = {
  "uncovered-days", "handover-gap", "released-before-taken-over", "unconfirmed-handover",
  "no-next-step", "no-housing-after-treatment", "no-coordinator", "follow-up-missing",
  "consent-missing", "children-not-addressed", "own-goal-missing", "overlap", "long-wait",
};

#define OPEN_END G_MAXINT32

static gboolean
counts (const KedjaStep *step)
{
  return step->status != KEDJA_STEP_STATUS_CANCELLED;
}

static KedjaDate
end_of (const KedjaStep *step)
{
  KedjaDate end = kedja_step_get_end (step);
  return end == KEDJA_DATE_NONE ? OPEN_END : end;
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  KedjaDate x = kedja_step_get_start (*(KedjaStep **) a);
  KedjaDate y = kedja_step_get_start (*(KedjaStep **) b);
  return (x > y) - (x < y);
}

static gboolean
has_consent (const KedjaPlan *plan,
             const char      *agency_id,
             KedjaDate        today)
{
  for (guint i = 0; i < plan->consents->len; i++)
    {
      KedjaConsent *c = g_ptr_array_index (plan->consents, i);
      if (g_str_equal (c->agency_id, agency_id) && kedja_consent_in_force (c, today))
        return TRUE;
    }
  return FALSE;
}

static void
find_problems (const KedjaPlan *plan,
               KedjaDate        today,
               gboolean         fired[N_RULES])
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  KedjaDate covered = 0;

  memset (fired, 0, sizeof (gboolean) * N_RULES);
  for (guint i = 0; i < plan->steps->len; i++)
    if (counts (g_ptr_array_index (plan->steps, i)))
      g_ptr_array_add (steps, g_ptr_array_index (plan->steps, i));
  g_ptr_array_sort (steps, compare_start);

  for (guint i = 0; i < steps->len; i++)
    {
      KedjaStep *s = g_ptr_array_index (steps, i);

      if (i > 0 && covered != OPEN_END && kedja_step_get_start (s) > covered + 1)
        fired[R_UNCOVERED] = TRUE;
      covered = MAX (covered, end_of (s));
    }
  if (steps->len > 0 && plan->need_recorded != KEDJA_DATE_NONE
      && kedja_step_get_start (g_ptr_array_index (steps, 0)) - plan->need_recorded > 30)
    fired[R_LONG_WAIT] = TRUE;

  for (guint i = 0; i < plan->handovers->len; i++)
    {
      KedjaHandover *h = g_ptr_array_index (plan->handovers, i);
      KedjaStep *from = kedja_plan_find_step (plan, h->from_step_id);
      KedjaStep *to = kedja_plan_find_step (plan, h->to_step_id);
      KedjaDate from_end = end_of (from);

      if (!counts (from) || !counts (to))
        continue;
      if (from_end != OPEN_END && kedja_step_get_start (to) - from_end - 1 >= 1)
        fired[R_HANDOVER_GAP] = TRUE;
      if ((from_end < today || from->status == KEDJA_STEP_STATUS_COMPLETED
           || from->status == KEDJA_STEP_STATUS_INTERRUPTED)
          && (h->confirmed == KEDJA_DATE_NONE || h->confirmed > from_end))
        fired[R_RELEASED] = TRUE;
      if (h->confirmed == KEDJA_DATE_NONE && h->planned <= today + 7)
        fired[R_UNCONFIRMED] = TRUE;
    }

  for (guint i = 0; i < steps->len; i++)
    {
      KedjaStep *s = g_ptr_array_index (steps, i);
      KedjaDate end = end_of (s);
      gboolean continues = FALSE, housed = FALSE;

      if ((s->phase != KEDJA_PHASE_DETOX && s->phase != KEDJA_PHASE_TREATMENT) || end == OPEN_END)
        continue;
      for (guint j = 0; j < plan->handovers->len; j++)
        continues |= g_str_equal (((KedjaHandover *) g_ptr_array_index (plan->handovers, j))->from_step_id,
                                  s->id);
      for (guint j = 0; j < steps->len; j++)
        {
          KedjaStep *o = g_ptr_array_index (steps, j);
          gboolean covers = kedja_step_get_start (o) <= end + 1 && end_of (o) >= end + 1;

          if (o == s)
            continue;
          continues |= covers || kedja_step_get_start (o) > end;
          housed |= covers && o->phase == KEDJA_PHASE_HOUSING;
        }
      if (!continues)
        fired[R_NO_NEXT] = TRUE;
      if (s->phase == KEDJA_PHASE_TREATMENT && s->setting == KEDJA_CARE_SETTING_INPATIENT
          && !housed && !plan->client->has_own_housing)
        fired[R_NO_HOUSING] = TRUE;
      for (guint j = 0; j < steps->len; j++)
        {
          KedjaStep *o = g_ptr_array_index (steps, j);
          if (o != s && o->phase == s->phase
              && kedja_step_get_start (o) <= end && end_of (o) >= kedja_step_get_start (s))
            fired[R_OVERLAP] = TRUE;
        }
    }
  for (guint i = 0; i < steps->len; i++)
    for (guint j = i + 1; j < steps->len; j++)
      {
        KedjaStep *a = g_ptr_array_index (steps, i), *b = g_ptr_array_index (steps, j);
        if (a->phase == KEDJA_PHASE_HOUSING && b->phase == KEDJA_PHASE_HOUSING
            && kedja_step_get_start (b) <= end_of (a) && end_of (b) >= kedja_step_get_start (a))
          fired[R_OVERLAP] = TRUE;
      }

  fired[R_NO_COORDINATOR] = plan->coordinating_agency_id == NULL;
  fired[R_FOLLOW_UP] = plan->status == KEDJA_PLAN_STATUS_ACTIVE
                       && (plan->follow_up == KEDJA_DATE_NONE || plan->follow_up < today);
  fired[R_OWN_GOAL] = plan->own_goal == NULL || plan->own_goal[0] == '\0';

  if (plan->client->children_under_18 > 0)
    {
      gboolean family = FALSE;
      for (guint i = 0; i < plan->goals->len; i++)
        family |= ((KedjaGoal *) g_ptr_array_index (plan->goals, i))->domain == KEDJA_DOMAIN_FAMILY;
      fired[R_CHILDREN] = !family;
    }

  for (guint i = 0; i < plan->participants->len; i++)
    {
      KedjaParticipant *p = g_ptr_array_index (plan->participants, i);
      if (p->agency_id && g_strcmp0 (p->agency_id, plan->coordinating_agency_id) != 0
          && !has_consent (plan, p->agency_id, today))
        fired[R_CONSENT] = TRUE;
    }
  for (guint i = 0; i < steps->len; i++)
    {
      KedjaStep *s = g_ptr_array_index (steps, i);
      if (s->agency_id && g_strcmp0 (s->agency_id, plan->coordinating_agency_id) != 0
          && !has_consent (plan, s->agency_id, today))
        fired[R_CONSENT] = TRUE;
    }
}

static void
test_gaps (void)
{
  KedjaDemoData *data = get_large ();
  guint per_rule[N_RULES] = { 0 }, with_problem = 0;

  for (guint i = 0; i < data->plans->len; i++)
    {
      gboolean fired[N_RULES];
      gboolean any = FALSE;

      find_problems (g_ptr_array_index (data->plans, i), test_today (), fired);
      for (guint r = 0; r < N_RULES; r++)
        {
          per_rule[r] += fired[r];
          any |= fired[r];
        }
      with_problem += any;
    }

  for (guint r = 0; r < N_RULES; r++)
    g_test_message ("%s: %u plans", rule_names[r], per_rule[r]);
  assert_share ("plans with a problem", with_problem, N_LARGE, 0.25, 0.35);

  /* Each kind of gap the field names shows up somewhere… */
  for (guint r = 0; r < N_RULES; r++)
    if (per_rule[r] == 0)
      g_error ("no plan has %s", rule_names[r]);
  /* …the commonest being the days after detox and unconfirmed handovers,
   * and a plan without a coordinator stays rare. */
  g_assert_cmpuint (per_rule[R_UNCOVERED], >, N_LARGE / 50);
  g_assert_cmpuint (per_rule[R_UNCONFIRMED], >, N_LARGE / 50);
  g_assert_cmpuint (per_rule[R_NO_COORDINATOR], <, N_LARGE / 50);
}

/* The shape of a care chain: detox hands over to treatment, and most
 * handovers are confirmed. */
static void
test_chains (void)
{
  KedjaDemoData *data = get_large ();
  guint handovers = 0, confirmed = 0, with_detox = 0, coded = 0, linked = 0, steps = 0;
  guint own_goal_first_person = 0, meetings = 0, ratings = 0;

  for (guint i = 0; i < data->plans->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (data->plans, i);
      gboolean detox = FALSE;

      for (guint j = 0; j < plan->steps->len; j++)
        {
          KedjaStep *step = g_ptr_array_index (plan->steps, j);

          detox |= step->phase == KEDJA_PHASE_DETOX;
          coded += step->code != NULL;
          linked += step->goal_ids->len > 0;
          steps++;
          /* Chain order: phases never go backwards. */
          if (j > 0)
            g_assert_cmpint (((KedjaStep *) g_ptr_array_index (plan->steps, j - 1))->phase, <=,
                             step->phase);
        }
      with_detox += detox;
      for (guint j = 0; j < plan->handovers->len; j++)
        {
          handovers++;
          confirmed += ((KedjaHandover *) g_ptr_array_index (plan->handovers, j))->confirmed
                       != KEDJA_DATE_NONE;
        }
      own_goal_first_person += plan->own_goal && g_str_has_prefix (plan->own_goal, "Jag ");
      meetings += plan->meetings->len;
      ratings += plan->ratings->len;
      for (guint j = 0; j < plan->ratings->len; j++)
        {
          guint value = ((KedjaRating *) g_ptr_array_index (plan->ratings, j))->value;
          g_assert_cmpuint (value, >=, 1);
          g_assert_cmpuint (value, <=, 10);
        }
    }
  assert_share ("plans with detox", with_detox, N_LARGE, 0.8, 0.97);
  assert_share ("confirmed handovers", confirmed, handovers, 0.6, 0.95);
  assert_share ("steps with a code", coded, steps, 0.1, 0.5);
  assert_share ("steps linked to a goal", linked, steps, 0.9, 1.0);
  assert_share ("own goal in the first person", own_goal_first_person, N_LARGE, 0.85, 1.0);
  g_assert_cmpuint (meetings, >, N_LARGE);
  g_assert_cmpuint (ratings, >, meetings);
}

int
main (int    argc,
      char **argv)
{
  int status;

  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/demo/deterministic", test_deterministic);
  g_test_add_func ("/core/demo/seed-changes-data", test_seed_changes_data);
  g_test_add_func ("/core/demo/prefix", test_prefix);
  g_test_add_func ("/core/demo/zero-clients", test_zero_clients);
  g_test_add_func ("/core/demo/valid", test_every_plan_validates);
  g_test_add_func ("/core/demo/valid-other-today", test_other_today_validates);
  g_test_add_func ("/core/demo/ids-unique", test_ids_unique);
  g_test_add_func ("/core/demo/personal-numbers", test_personal_numbers);
  g_test_add_func ("/core/demo/shares", test_shares);
  g_test_add_func ("/core/demo/dates-consistent", test_dates_consistent);
  g_test_add_func ("/core/demo/directory", test_directory);
  g_test_add_func ("/core/demo/chains", test_chains);
  g_test_add_func ("/core/demo/gaps", test_gaps);

  status = g_test_run ();
  g_clear_pointer (&large, kedja_demo_data_free);
  return status;
}
