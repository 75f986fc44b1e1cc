/* kedja-analysis.c — the gap analysis: where the chain lets go of a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Works on sorted intervals, never on arrays of days: a plan's steps become
 * spans (start, end) on the stack, sorted by start, and every rule is a
 * sweep or a lookup over them. Findings are plain structs appended to the
 * caller's array; their text is made only when someone reads it
 * (kedja-finding.c). So a city's 20,000 plans are analysed in the time it
 * takes to read them.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kedja-analysis.h"
#include "kedja-util.h"

/* An open end: later than any real day. */
#define OPEN_END G_MAXINT32
/* Plans with more steps than this put their spans on the heap. */
#define STACK_SPANS 64

typedef struct {
  const KedjaStep *step;
  KedjaDate        start;
  KedjaDate        end;          /* OPEN_END when the step runs on */
  guint            index;        /* position in plan->steps: ties go by plan order */
  gboolean         residential;
} Span;

typedef struct {
  const KedjaPlan             *plan;
  const KedjaAnalysisSettings *settings;
  KedjaDate                    today;
  GArray                      *out;
  guint                        first;        /* this plan's first finding in out */
  Span                        *spans;
  guint                        n_spans;
} Analysis;

/* Ids are UUIDs or short document ids: most unequal pairs differ in the
 * first byte, which is checked before a call to strcmp(). */
static inline gboolean
same_id (const char *a,
         const char *b)
{
  return a == b || (a != NULL && b != NULL && a[0] == b[0] && strcmp (a, b) == 0);
}

static inline gboolean
no_id (const char *id)
{
  return id == NULL || id[0] == '\0';
}

/* Detox in any setting, and treatment where the person lives in: the
 * settings after which HEDIS FUI expects follow-up within 7 days. */
static gboolean
is_residential (const KedjaStep *step)
{
  return step->phase == KEDJA_PHASE_DETOX
         || (step->phase == KEDJA_PHASE_TREATMENT && step->setting == KEDJA_CARE_SETTING_INPATIENT);
}

static void
emit (Analysis            *a,
      KedjaRule            rule,
      KedjaSeverity        severity,
      KedjaDate            start,
      KedjaDate            end,
      const Span          *span,
      const Span          *next,
      const KedjaHandover *handover,
      const char          *agency_id,
      const char          *actor_id,
      guint                days)
{
  KedjaFinding finding = {
    .rule = rule,
    .severity = severity,
    .start = start,
    .end = end == OPEN_END ? KEDJA_DATE_NONE : end,
    .step = span ? span->step : NULL,
    .next_step = next ? next->step : NULL,
    .handover = handover,
    .agency_id = agency_id,
    .actor_id = actor_id,
    .days = days,
  };

  g_array_append_val (a->out, finding);
}

static int
compare_spans (const void *pa,
               const void *pb)
{
  const Span *a = pa, *b = pb;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* Non-cancelled steps with a start, sorted by start then plan order. Small
 * plans are sorted by insertion, which beats qsort's calls for ten spans. */
static guint
collect_spans (const KedjaPlan *plan,
               Span            *spans)
{
  guint n = 0;

  for (guint i = 0; i < plan->steps->len; i++)
    {
      const KedjaStep *step = g_ptr_array_index (plan->steps, i);
      Span span;
      guint j;

      if (step->status == KEDJA_STEP_STATUS_CANCELLED)
        continue;
      /* kedja_step_get_start() and _end(), written out: this loop runs
       * for every step of a city. */
      span.start = step->actual_start ? step->actual_start : step->planned_start;
      if (span.start == KEDJA_DATE_NONE)
        continue;
      span.end = step->actual_end ? step->actual_end : step->planned_end;
      if (span.end == KEDJA_DATE_NONE)
        span.end = OPEN_END;
      else if (span.end < span.start)
        span.end = span.start;  /* not valid, but never a negative length */
      span.step = step;
      span.index = i;
      span.residential = is_residential (step);

      if (plan->steps->len > STACK_SPANS)
        {
          spans[n++] = span;
          continue;
        }
      for (j = n; j > 0 && compare_spans (&spans[j - 1], &span) > 0; j--)
        spans[j] = spans[j - 1];
      spans[j] = span;
      n++;
    }

  if (plan->steps->len > STACK_SPANS)
    qsort (spans, n, sizeof *spans, compare_spans);
  return n;
}

static const Span *
find_span (const Analysis *a,
           const char     *step_id)
{
  if (step_id == NULL)
    return NULL;
  for (guint i = 0; i < a->n_spans; i++)
    if (same_id (a->spans[i].step->id, step_id))
      return &a->spans[i];
  return NULL;
}

static KedjaSeverity
gap_severity (const Analysis *a,
              gboolean        after_residential,
              guint           days)
{
  if ((after_residential && days > a->settings->gap_days_after_residential)
      || days > a->settings->gap_days)
    return KEDJA_SEVERITY_CRITICAL;
  return KEDJA_SEVERITY_WARNING;
}

/* uncovered-days: a sweep over the spans in start order, keeping how far
 * the chain reaches and which step reaches that far. */
static void
check_uncovered_days (Analysis *a)
{
  const Span *ender;
  KedjaDate covered_until;

  if (a->n_spans == 0)
    return;

  ender = &a->spans[0];
  covered_until = ender->end;
  for (guint i = 1; i < a->n_spans && covered_until != OPEN_END; i++)
    {
      const Span *span = &a->spans[i];

      if (span->start > covered_until + 1)
        {
          guint days = (guint) (span->start - covered_until - 1);

          emit (a, KEDJA_RULE_UNCOVERED_DAYS, gap_severity (a, ender->residential, days),
                covered_until + 1, span->start - 1, ender, span, NULL, NULL,
                span->step->agency_id, days);
        }

      if (span->end > covered_until)
        {
          covered_until = span->end;
          ender = span;
        }
      else if (span->end == covered_until
               && ((span->residential && !ender->residential)
                   || (span->residential == ender->residential && span->index < ender->index)))
        {
          /* The day before a gap, a residential step ending weighs most. */
          ender = span;
        }
    }
}

static gboolean
has_ended (const Analysis *a,
           const Span     *span)
{
  return (span->end != OPEN_END && span->end < a->today)
         || span->step->status == KEDJA_STEP_STATUS_COMPLETED
         || span->step->status == KEDJA_STEP_STATUS_INTERRUPTED;
}

/* handover-gap, released-before-taken-over and unconfirmed-handover: the
 * three ways a handover fails. */
static void
check_handovers (Analysis *a)
{
  const KedjaAnalysisSettings *settings = a->settings;

  for (guint i = 0; i < a->plan->handovers->len; i++)
    {
      const KedjaHandover *h = g_ptr_array_index (a->plan->handovers, i);
      const Span *from = find_span (a, h->from_step_id);
      const Span *to = find_span (a, h->to_step_id);
      const char *receiver;

      if (from == NULL || to == NULL)
        continue;  /* a cancelled step on either side: ignored */
      receiver = to->step->agency_id;

      if (from->end != OPEN_END && to->start > from->end + 1)
        {
          guint days = (guint) (to->start - from->end - 1);

          emit (a, KEDJA_RULE_HANDOVER_GAP, gap_severity (a, from->residential, days),
                from->end + 1, to->start - 1, from, to, h, NULL, receiver, days);
        }

      if (has_ended (a, from))
        {
          KedjaDate deadline = from->end != OPEN_END ? from->end : a->today;

          if (h->confirmed == KEDJA_DATE_NONE || h->confirmed > deadline)
            {
              KedjaDate start = KEDJA_DATE_NONE, end = KEDJA_DATE_NONE;
              guint days = 0;

              if (from->end != OPEN_END)
                {
                  KedjaDate last = h->confirmed != KEDJA_DATE_NONE ? h->confirmed - 1 : a->today;

                  if (last >= from->end + 1)
                    {
                      start = from->end + 1;
                      end = last;
                      days = (guint) (end - start + 1);
                    }
                }
              emit (a, KEDJA_RULE_RELEASED_BEFORE_TAKEN_OVER, KEDJA_SEVERITY_CRITICAL,
                    start, end, from, to, h, NULL, receiver, days);
            }
        }

      if (h->confirmed == KEDJA_DATE_NONE && h->planned != KEDJA_DATE_NONE)
        {
          if (h->planned < a->today)
            emit (a, KEDJA_RULE_UNCONFIRMED_HANDOVER, KEDJA_SEVERITY_CRITICAL,
                  h->planned, h->planned, from, to, h, NULL, receiver, 0);
          else if (h->planned <= a->today + (KedjaDate) settings->handover_warning_days)
            emit (a, KEDJA_RULE_UNCONFIRMED_HANDOVER, KEDJA_SEVERITY_WARNING,
                  h->planned, h->planned, from, to, h, NULL, receiver, 0);
        }
    }
}

static gboolean
hands_over (const Analysis *a,
            const Span     *span)
{
  for (guint i = 0; i < a->plan->handovers->len; i++)
    {
      const KedjaHandover *h = g_ptr_array_index (a->plan->handovers, i);

      if (same_id (h->from_step_id, span->step->id) && find_span (a, h->to_step_id))
        return TRUE;
    }
  return FALSE;
}

/* no-next-step and no-housing-after-treatment: what comes after a detox or
 * a treatment ends. */
static void
check_after_care (Analysis *a)
{
  gboolean own_housing = a->plan->client && a->plan->client->has_own_housing;

  for (guint i = 0; i < a->n_spans; i++)
    {
      const Span *span = &a->spans[i];
      KedjaDate after;
      gboolean continues = FALSE, housed = FALSE;
      const Span *later_housing = NULL;

      if (span->end == OPEN_END
          || (span->step->phase != KEDJA_PHASE_DETOX && span->step->phase != KEDJA_PHASE_TREATMENT))
        continue;

      after = span->end + 1;
      for (guint j = 0; j < a->n_spans; j++)
        {
          const Span *other = &a->spans[j];

          if (j == i)
            continue;
          /* Covering the day after, or starting later: both reach past
           * the end. */
          if (other->end >= after)
            continues = TRUE;
          if (other->step->phase != KEDJA_PHASE_HOUSING)
            continue;
          if (other->start <= after && other->end >= after)
            housed = TRUE;
          else if (other->start > after && (later_housing == NULL || other->start < later_housing->start))
            later_housing = other;
        }

      if (!continues && !hands_over (a, span))
        emit (a, KEDJA_RULE_NO_NEXT_STEP, KEDJA_SEVERITY_CRITICAL, KEDJA_DATE_NONE,
              KEDJA_DATE_NONE, span, NULL, NULL, NULL, NULL, 0);

      if (span->step->phase == KEDJA_PHASE_TREATMENT
          && span->step->setting == KEDJA_CARE_SETTING_INPATIENT && !own_housing && !housed)
        {
          if (later_housing != NULL)
            emit (a, KEDJA_RULE_NO_HOUSING_AFTER_TREATMENT, KEDJA_SEVERITY_CRITICAL, after,
                  later_housing->start - 1, span, later_housing, NULL, NULL, NULL,
                  (guint) (later_housing->start - after));
          else
            emit (a, KEDJA_RULE_NO_HOUSING_AFTER_TREATMENT, KEDJA_SEVERITY_CRITICAL,
                  KEDJA_DATE_NONE, KEDJA_DATE_NONE, span, NULL, NULL, NULL, NULL, 0);
        }
    }
}

static void
check_responsibility (Analysis *a)
{
  const KedjaPlan *plan = a->plan;

  for (guint i = 0; i < a->n_spans; i++)
    if (no_id (a->spans[i].step->agency_id))
      emit (a, KEDJA_RULE_NO_RESPONSIBLE, KEDJA_SEVERITY_WARNING, KEDJA_DATE_NONE,
            KEDJA_DATE_NONE, &a->spans[i], NULL, NULL, NULL, NULL, 0);

  if (no_id (plan->coordinating_agency_id))
    emit (a, KEDJA_RULE_NO_COORDINATOR, KEDJA_SEVERITY_CRITICAL, KEDJA_DATE_NONE,
          KEDJA_DATE_NONE, NULL, NULL, NULL, NULL, NULL, 0);

  if (plan->status == KEDJA_PLAN_STATUS_ACTIVE
      && (plan->follow_up == KEDJA_DATE_NONE || plan->follow_up < a->today))
    emit (a, KEDJA_RULE_FOLLOW_UP_MISSING, KEDJA_SEVERITY_WARNING, KEDJA_DATE_NONE,
          KEDJA_DATE_NONE, NULL, NULL, NULL, NULL, NULL, 0);
}

/* The consents in force today, as agency ids: each agency that takes part
 * is then looked up here once. */
static guint
collect_consented (const Analysis *a,
                   const char    **ids)
{
  guint n = 0;

  for (guint i = 0; i < a->plan->consents->len; i++)
    {
      const KedjaConsent *consent = g_ptr_array_index (a->plan->consents, i);

      if (kedja_consent_in_force (consent, a->today) && !no_id (consent->agency_id))
        ids[n++] = consent->agency_id;
    }
  return n;
}

static gboolean
contains_id (const char **ids,
             guint        n,
             const char  *id)
{
  for (guint i = 0; i < n; i++)
    if (same_id (ids[i], id))
      return TRUE;
  return FALSE;
}

/* An agency that takes part without consent is reported once, in order of
 * appearance (participants first, then steps). */
static void
check_consent (Analysis    *a,
               const char **consented,
               guint        n_consented,
               const char  *agency_id)
{
  if (no_id (agency_id) || same_id (agency_id, a->plan->coordinating_agency_id)
      || contains_id (consented, n_consented, agency_id))
    return;
  for (guint i = a->first; i < a->out->len; i++)
    {
      const KedjaFinding *f = &g_array_index (a->out, KedjaFinding, i);
      if (f->rule == KEDJA_RULE_CONSENT_MISSING && same_id (f->agency_id, agency_id))
        return;
    }
  emit (a, KEDJA_RULE_CONSENT_MISSING, KEDJA_SEVERITY_CRITICAL, KEDJA_DATE_NONE,
        KEDJA_DATE_NONE, NULL, NULL, NULL, agency_id, NULL, 0);
}

/* consent-missing, children-not-addressed and own-goal-missing: the person
 * behind the plan. */
static void
check_person (Analysis *a)
{
  const KedjaPlan *plan = a->plan;
  const char *stack_ids[32];
  g_autofree const char **heap_ids = NULL;
  const char **consented = stack_ids;
  guint n_consented;
  gboolean family_goal = FALSE;

  if (plan->consents->len > G_N_ELEMENTS (stack_ids))
    consented = heap_ids = g_new (const char *, plan->consents->len);
  n_consented = collect_consented (a, consented);

  for (guint i = 0; i < plan->participants->len; i++)
    check_consent (a, consented, n_consented,
                   ((KedjaParticipant *) g_ptr_array_index (plan->participants, i))->agency_id);
  for (guint i = 0; i < plan->steps->len; i++)
    {
      const KedjaStep *step = g_ptr_array_index (plan->steps, i);
      if (step->status != KEDJA_STEP_STATUS_CANCELLED)
        check_consent (a, consented, n_consented, step->agency_id);
    }

  if (plan->client && plan->client->children_under_18 > 0)
    {
      for (guint i = 0; i < plan->goals->len && !family_goal; i++)
        family_goal = ((KedjaGoal *) g_ptr_array_index (plan->goals, i))->domain == KEDJA_DOMAIN_FAMILY;
      if (!family_goal)
        emit (a, KEDJA_RULE_CHILDREN_NOT_ADDRESSED, KEDJA_SEVERITY_WARNING, KEDJA_DATE_NONE,
              KEDJA_DATE_NONE, NULL, NULL, NULL, NULL, NULL, 0);
    }

  if (kedja_str_is_blank (plan->own_goal))
    emit (a, KEDJA_RULE_OWN_GOAL_MISSING, KEDJA_SEVERITY_WARNING, KEDJA_DATE_NONE,
          KEDJA_DATE_NONE, NULL, NULL, NULL, NULL, NULL, 0);
}

/* overlap: the spans are in start order, so each only meets the ones that
 * start before it ends. */
static void
check_overlap (Analysis *a)
{
  for (guint i = 0; i < a->n_spans; i++)
    {
      const Span *first = &a->spans[i];

      if (!(a->settings->overlap_phases & (1u << first->step->phase)))
        continue;
      for (guint j = i + 1; j < a->n_spans && a->spans[j].start <= first->end; j++)
        {
          const Span *second = &a->spans[j];
          KedjaDate end;

          if (second->step->phase != first->step->phase)
            continue;
          end = MIN (first->end, second->end);
          emit (a, KEDJA_RULE_OVERLAP, KEDJA_SEVERITY_NOTICE, second->start, end, first, second,
                NULL, NULL, NULL, end == OPEN_END ? 0 : (guint) (end - second->start + 1));
        }
    }
}

static void
check_wait (Analysis *a)
{
  KedjaDate need = a->plan->need_recorded;
  KedjaDate first = a->n_spans > 0 ? a->spans[0].start : a->today + 1;
  guint days;

  if (need == KEDJA_DATE_NONE || first <= need)
    return;
  /* With no step yet, the wait is still going on today. */
  days = (guint) (first - need) - (a->n_spans > 0 ? 0 : 1);
  if (days > a->settings->long_wait_days)
    emit (a, KEDJA_RULE_LONG_WAIT, KEDJA_SEVERITY_WARNING, need, first - 1, NULL,
          a->n_spans > 0 ? &a->spans[0] : NULL, NULL, NULL, NULL, days);
}

/* A city's plans do not fit in the caches, and a plan is a tree of small
 * records: ask for all of them at once, so that their loads overlap instead
 * of waiting for each other as the rules reach them. */
static void
prefetch_array (GPtrArray *array)
{
  for (guint i = 0; i < array->len; i++)
    __builtin_prefetch (g_ptr_array_index (array, i));
}

static void
prefetch_records (const KedjaPlan *plan)
{
  prefetch_array (plan->steps);
  prefetch_array (plan->handovers);
  prefetch_array (plan->participants);
  prefetch_array (plan->consents);
  __builtin_prefetch (plan->client);

  /* Then the ids they hold, which the rules compare. */
  for (guint i = 0; i < plan->steps->len; i++)
    {
      const KedjaStep *step = g_ptr_array_index (plan->steps, i);
      __builtin_prefetch (step->id);
      __builtin_prefetch (step->agency_id);
    }
  for (guint i = 0; i < plan->handovers->len; i++)
    {
      const KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);
      __builtin_prefetch (handover->from_step_id);
      __builtin_prefetch (handover->to_step_id);
    }
  for (guint i = 0; i < plan->participants->len; i++)
    __builtin_prefetch (((const KedjaParticipant *) g_ptr_array_index (plan->participants, i))->agency_id);
  for (guint i = 0; i < plan->consents->len; i++)
    __builtin_prefetch (((const KedjaConsent *) g_ptr_array_index (plan->consents, i))->agency_id);
}

KedjaDate
kedja_finding_get_sort_date (const KedjaFinding *finding)
{
  if (finding->start != KEDJA_DATE_NONE)
    return finding->start;
  if (finding->step != NULL)
    return kedja_step_get_start (finding->step);
  return 0;
}

static gboolean
comes_before (const KedjaFinding *a,
              const KedjaFinding *b)
{
  KedjaDate da, db;

  if (a->severity != b->severity)
    return a->severity > b->severity;
  da = kedja_finding_get_sort_date (a);
  db = kedja_finding_get_sort_date (b);
  if (da != db)
    return da < db;
  return a->rule < b->rule;
}

/* Insertion sort: stable, so findings that tie keep the order they were
 * found in (plan order), and cheap for the few findings of a plan. */
static void
sort_findings (GArray *out,
               guint   first)
{
  KedjaFinding *f = (KedjaFinding *) (void *) out->data;

  for (guint i = first + 1; i < out->len; i++)
    {
      KedjaFinding item = f[i];
      guint j = i;

      for (; j > first && comes_before (&item, &f[j - 1]); j--)
        f[j] = f[j - 1];
      f[j] = item;
    }
}

void
kedja_analyse_into (const KedjaPlan             *plan,
                    const KedjaAnalysisSettings *settings,
                    KedjaDate                    today,
                    GArray                      *findings)
{
  Span stack_spans[STACK_SPANS];
  g_autofree Span *heap_spans = NULL;
  KedjaAnalysisSettings defaults;
  Analysis a;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (findings != NULL);
  g_return_if_fail (g_array_get_element_size (findings) == sizeof (KedjaFinding));

  if (settings == NULL)
    {
      kedja_analysis_settings_init (&defaults);
      settings = &defaults;
    }
  if (plan->steps->len > STACK_SPANS)
    heap_spans = g_new (Span, plan->steps->len);

  prefetch_records (plan);

  a.plan = plan;
  a.settings = settings;
  a.today = today;
  a.out = findings;
  a.first = findings->len;
  a.spans = heap_spans ? heap_spans : stack_spans;
  a.n_spans = collect_spans (plan, a.spans);

  check_uncovered_days (&a);
  check_handovers (&a);
  check_after_care (&a);
  check_responsibility (&a);
  check_person (&a);
  check_overlap (&a);
  check_wait (&a);
  sort_findings (findings, a.first);
}

GArray *
kedja_analyse (const KedjaPlan             *plan,
               const KedjaAnalysisSettings *settings,
               KedjaDate                    today)
{
  GArray *findings = g_array_new (FALSE, FALSE, sizeof (KedjaFinding));

  kedja_analyse_into (plan, settings, today, findings);
  return findings;
}
