/* test-analysis-messages.c — the gap analysis: what each finding says, in English and Swedish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a finding says, what to do about it and who should act. A program of
 * its own: the Swedish case runs in a child process and needs the
 * translations built, and a failure there aborts the program it is in. The
 * builder and the dates are explained in analysis-fixture.h.
 */
#define G_LOG_DOMAIN "kedja-test"

#include <string.h>

#include "analysis-fixture.h"
#include "kedja-test-lang.h"

/* ------------------------------------------------------------------ */
/* Looking at text */

/* @n written out in @text, not as part of a longer number ("8" is not in
 * "18 Sep"). */
static gboolean
contains_number (const char *text,
                 guint       n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  size_t len = strlen (digits);

  for (const char *p = strstr (text, digits); p != NULL; p = strstr (p + 1, digits))
    {
      gboolean digit_before = p > text && g_ascii_isdigit (p[-1]);
      gboolean digit_after = g_ascii_isdigit (p[len]);

      if (!digit_before && !digit_after)
        return TRUE;
    }
  return FALSE;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

static void
assert_contains_number (const char *text,
                        guint       n)
{
  if (!contains_number (text, n))
    g_error ("“%s” does not contain the number %u", text, n);
}

/* ------------------------------------------------------------------ */
/* Messages */

/* Detox at Beroendekliniken 1–10 Sep, treatment home from 19 Sep. */
static KedjaPlan *
message_plan (void)
{
  KedjaPlan *plan = new_plan ();

  add_detox (plan, "Avgiftning", D (2026, 9, 1), D (2026, 9, 10));
  add_inpatient (plan, "Behandlingshem", D (2026, 9, 19), OPEN);
  return plan;
}

/* The name of @step or of its agency is in @text. */
static void
assert_names_step (const char      *text,
                   const KedjaPlan *plan,
                   const KedjaStep *step)
{
  const char *agency = kedja_plan_get_agency_name (plan, step->agency_id);

  /* The plan gives "" for a step without an agency. */
  if (strstr (text, step->title) == NULL && (*agency == '\0' || strstr (text, agency) == NULL))
    g_error ("“%s” names neither “%s” nor “%s”", text, step->title, or_dash (agency));
}

static char *
message_of (GArray          *findings,
            KedjaRule        rule,
            const KedjaPlan *plan)
{
  return kedja_finding_format_message (only (findings, rule), plan);
}

/* A wait of 1 Aug → 1 Sep, 31 days, and a step at an agency without
 * consent. */
static KedjaPlan *
waiting_plan (void)
{
  KedjaPlan *plan = new_plan ();

  plan->need_recorded = D (2026, 8, 1);
  add_outpatient (plan, "Öppenvård", D (2026, 9, 1), OPEN);
  add_psychiatry (plan, "Psykiatrisk bedömning");
  return plan;
}

/* Messages that count days contain the number; the consent one names the
 * agency. Shared by the English and the Swedish case. */
static void
assert_day_counts (void)
{
  g_autoptr(KedjaPlan) troubled = troubled_plan ();
  g_autoptr(KedjaPlan) waiting = waiting_plan ();
  g_autoptr(GArray) all = analyse (troubled);
  g_autoptr(GArray) waits = analyse (waiting);
  g_autofree char *gap = message_of (all, KEDJA_RULE_HANDOVER_GAP, troubled);
  g_autofree char *uncovered = message_of (all, KEDJA_RULE_UNCOVERED_DAYS, troubled);
  g_autofree char *overlap = message_of (all, KEDJA_RULE_OVERLAP, troubled);
  g_autofree char *wait = message_of (waits, KEDJA_RULE_LONG_WAIT, waiting);
  g_autofree char *consent = message_of (waits, KEDJA_RULE_CONSENT_MISSING, waiting);

  /* 11–18 Sep: 8 days; 8–9 Sep: 2 days of overlap; 1 Aug → 1 Sep: 31. */
  assert_contains_number (gap, 8);
  assert_contains_number (uncovered, 8);
  assert_contains_number (overlap, 2);
  assert_contains_number (wait, 31);
  assert_contains (consent, PSYCH_NAME);
}

static void
test_messages (void)
{
  g_autoptr(KedjaPlan) plan = message_plan ();
  g_autoptr(KedjaPlan) troubled = troubled_plan ();
  g_autoptr(GArray) findings = analyse (plan);
  g_autoptr(GArray) all = analyse (troubled);
  const KedjaFinding *f = only (findings, KEDJA_RULE_UNCOVERED_DAYS);
  g_autofree char *message = kedja_finding_format_message (f, plan);
  g_autofree char *action = kedja_finding_format_action (f, plan);
  g_autofree char *actor = kedja_finding_format_actor (f, plan);

  g_assert_cmpstr (message, ==,
                   "8 days without any step after the detox at Beroendekliniken (11–18 Sep)");
  g_assert_cmpstr (action, ==, "Book the start of the treatment by 11 Sep, or add a bridging step");
  /* The treatment home must act. */
  assert_contains (actor, HOME_NAME);

  assert_day_counts ();

  /* Every finding of the troubled plan has words for what, what to do and
   * who; those about a step name it (or its agency). */
  for (guint i = 0; i < all->len; i++)
    {
      const KedjaFinding *g = &g_array_index (all, KedjaFinding, i);
      g_autofree char *text = kedja_finding_format_message (g, troubled);
      g_autofree char *action_line = kedja_finding_format_action (g, troubled);
      g_autofree char *who = kedja_finding_format_actor (g, troubled);

      g_test_message ("%s: %s / %s / %s", rule_id (g->rule), text, action_line, who);
      g_assert_nonnull (text);
      g_assert_nonnull (action_line);
      g_assert_nonnull (who);
      g_assert_cmpstr (text, !=, "");
      g_assert_cmpstr (action_line, !=, "");
      g_assert_cmpstr (who, !=, "");
      if (g->step != NULL)
        assert_names_step (text, troubled, g->step);
      /* No actor: the coordinator, by name. */
      if (g->actor_id == NULL)
        assert_contains (who, "Maria Lind");
      else
        assert_contains (who, kedja_plan_get_agency_name (troubled, g->actor_id));
    }
  /* The step without an agency can only be named by its title. */
  {
    g_autofree char *text = message_of (all, KEDJA_RULE_NO_RESPONSIBLE, troubled);
    assert_contains (text, "Stödsamtal");
  }
}

static void
test_messages_swedish (void)
{
  g_autoptr(KedjaPlan) plan = NULL;
  g_autoptr(GArray) findings = NULL;
  g_autofree char *message = NULL;
  g_autofree char *action = NULL;
  const KedjaFinding *f;

  if (!kedja_test_in_language ("sv"))
    return;

  plan = message_plan ();
  findings = analyse (plan);
  f = only (findings, KEDJA_RULE_UNCOVERED_DAYS);
  message = kedja_finding_format_message (f, plan);
  action = kedja_finding_format_action (f, plan);
  g_assert_cmpstr (message, ==,
                   "8 dagar utan insats efter avgiftningen på Beroendekliniken (11–18 sep)");
  g_assert_cmpstr (action, ==,
                   "Boka start för behandlingen senast 11 sep eller lägg in en överbryggande insats");

  assert_day_counts ();
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/analysis/messages", test_messages);
  g_test_add_func ("/core/analysis/messages-swedish", test_messages_swedish);

  return g_test_run ();
}
