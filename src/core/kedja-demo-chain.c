/* kedja-demo-chain.c — the care chain of a demo plan, laid out in days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps of a plan as drafts, counted in days from the chain's start:
 * detox, treatment, housing and occupation one after the other with
 * handovers between them, support and health care alongside, and the gaps
 * the plan was chosen to have (see kedja-demo-problems.c). Dates come
 * later, in kedja-demo-dates.c, once the chain is placed in the calendar.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include "kedja-demo-private.h"

static guint
add_draft (Builder         *b,
           KedjaPhase       phase,
           const char      *title,
           guint            agency,
           KedjaCareSetting setting,
           const char      *code,
           KedjaDomain      domain,
           int              start,
           int              length)   /* 0: open-ended */
{
  g_autofree char *id = rng_uuid (&b->rng);
  Draft d = { 0 };

  d.step = kedja_step_new (id, phase, title);
  d.step->agency_id = g_strdup (b->dir->agencies[agency]->id);
  d.agency = agency;
  d.step->contact = g_strdup (_kedja_demo_staff (b, agency));
  d.step->setting = setting;
  d.step->code = g_strdup (code);
  d.start = start;
  d.end = start + length - 1;
  d.open = length == 0;
  d.domain = domain;
  g_array_append_val (b->drafts, d);
  return b->drafts->len - 1;
}

static void
link_steps (Builder *b,
            guint    from,
            guint    to)
{
  Link link = { from, to };

  g_array_append_val (b->links, link);
}

/* Codes only shaped like KVÅ (health care) and KSI (social services). */
static const char *
maybe_code (Builder    *b,
            const char *code)
{
  return rng_chance (&b->rng, 55) ? code : NULL;
}

static const struct {
  const char *title;
  guint       agency;
  int         min_days, max_days;
} support_kinds[] = {
  { "Kamratstöd, Kamratföreningen 2603", A_KAMRAT, 120, 365 },
  { "Självhjälpsgrupp, Länkarna", A_LANKARNA, 180, 365 },
  { "NA-möten, tolvstegsgrupp", A_NA, 0, 0 },
  { "Recoverynätverk, Bästa Väst", A_BASTA_VAST, 90, 365 },
  { "Samtalsgrupp, Självhjälpshuset Solkatten", A_SOLKATTEN, 90, 240 },
  { "Stödperson, Vännplatsen", A_VANNPLATSEN, 180, 365 },
  { "Teatergrupp, Rättvis teater", A_RATTVIS, 60, 180 },
  { "Kontaktperson, Göteborgs Frivilliga Samhällsarbetare", A_GFS, 180, 365 },
  { "Stödgrupp, RFHL Göteborg", A_RFHL, 90, 240 },
  { "Kamratstöd, Solrosen", A_SOLROSEN, 90, 240 },
  { "Nätverksträffar, Bona Via", A_BONA_VIA, 90, 180 },
  { "Brukarrådet, delaktighet och påverkan", A_BRUKARRADET, 0, 0 },
  { "Träffpunkt, Stadsmissionen", A_STADSMISSIONEN, 0, 0 },
};

static void
add_support (Builder *b,
             int      from,
             GArray  *used)   /* guint: agencies already in a support step */
{
  for (guint tries = 0; tries < 8; tries++)
    {
      guint k = rng_below (&b->rng, G_N_ELEMENTS (support_kinds));
      gboolean seen = FALSE;

      for (guint i = 0; i < used->len; i++)
        seen |= g_array_index (used, guint, i) == support_kinds[k].agency;
      if (seen)
        continue;

      int length = support_kinds[k].max_days == 0 || rng_chance (&b->rng, 50)
                     ? 0 : rng_range (&b->rng, support_kinds[k].min_days, support_kinds[k].max_days);
      add_draft (b, KEDJA_PHASE_SUPPORT, support_kinds[k].title, support_kinds[k].agency,
                 KEDJA_CARE_SETTING_NONE, NULL, KEDJA_DOMAIN_NETWORK,
                 from + rng_range (&b->rng, 5, 40), length);
      g_array_append_val (used, support_kinds[k].agency);
      return;
    }
}

/* Treatment never simply ends: if nothing would run on after the last
 * detox or treatment step, the longest-running step alongside it (support,
 * occupation, housing, health) carries on for some months. */
static void
continue_after_care (Builder *b)
{
  int care_end = G_MININT;
  guint longest = G_MAXUINT;

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      if (d->step->phase == KEDJA_PHASE_DETOX || d->step->phase == KEDJA_PHASE_TREATMENT)
        care_end = MAX (care_end, d->end);
    }
  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);

      if (d->cancelled || d->step->phase == KEDJA_PHASE_DETOX
          || d->step->phase == KEDJA_PHASE_TREATMENT)
        continue;
      if (d->open || d->end > care_end || d->start > care_end)
        return;
      if (longest == G_MAXUINT || d->end > draft_at (b, longest)->end)
        longest = i;
    }
  if (longest != G_MAXUINT)
    draft_at (b, longest)->end = care_end + rng_range (&b->rng, 30, 180);
}

/* The plan nobody finished: everything alongside treatment stops with it,
 * and nothing is planned for the day after — "and then what?" */
static void
stop_with_treatment (Builder *b,
                     guint    treatment)
{
  int start = draft_at (b, treatment)->start, end = draft_at (b, treatment)->end;

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);

      if (d->step->phase == KEDJA_PHASE_DETOX || d->step->phase == KEDJA_PHASE_TREATMENT)
        continue;
      if (d->start > end - 7)
        d->start = MAX (start, end - 7);
      if (d->open || d->end > end)
        d->end = end;
      d->open = FALSE;
    }
}

/*
 * Lays out the chain in days from its start: detox, treatment, housing and
 * occupation one after the other with handovers between them, support and
 * health care alongside. Nothing but detox starts before treatment does, so
 * a gap after detox stays uncovered, as it would be for the person.
 */
void
_kedja_demo_build_chain (Builder *b)
{
  KedjaClient *client = b->plan->client;
  Rng *rng = &b->rng;
  gboolean detox = (b->problems & P_DETOX_GAP) || rng_chance (rng, 88);
  gboolean inpatient = (b->problems & P_NO_HOUSING)
                       || ((b->problems & P_OVERLAP) && client->has_own_housing)
                       || rng_chance (rng, 55);
  /* Someone going home from a treatment home always gets aftercare. */
  gboolean aftercare = inpatient && !(b->problems & P_DEAD_END)
                       && (client->has_own_housing || rng_chance (rng, 55));
  g_autoptr(GArray) used = g_array_new (FALSE, FALSE, sizeof (guint));
  guint detox_step = G_MAXUINT, treatment;
  int t = 0, treat_end, employment_from;

  if (detox)
    {
      gboolean ward = rng_chance (rng, 75);
      guint d = ward
        ? add_draft (b, KEDJA_PHASE_DETOX, "Avgiftning, Beroendekliniken", A_DETOX,
                     KEDJA_CARE_SETTING_INPATIENT, maybe_code (b, "DV001"),
                     KEDJA_DOMAIN_SUBSTANCE_USE, 0, rng_range (rng, 5, 12))
        : add_draft (b, KEDJA_PHASE_DETOX, "Abstinensbehandling i öppenvård, Beroendekliniken",
                     A_ADDICTION_OPEN, KEDJA_CARE_SETTING_OUTPATIENT, maybe_code (b, "DV002"),
                     KEDJA_DOMAIN_SUBSTANCE_USE, 0, rng_range (rng, 10, 21));
      detox_step = d;
      t = draft_at (b, d)->end + 1;
      if (b->problems & P_DETOX_GAP)
        t += rng_range (rng, 8, 20);
    }

  if (inpatient)
    {
      static const int weeks[] = { 6, 8, 10, 12, 12, 12, 16 };
      int w = PICK (rng, weeks);
      guint home = b->woman && rng_chance (rng, 50) ? A_HOME_4
                   : b->prison && rng_chance (rng, 60) ? A_HOME_5
                   : A_HOME_1 + rng_below (rng, 3);
      g_autofree char *title =
        home == A_HOME_5 ? g_strdup_printf ("Kontraktsvård på behandlingshem, %d veckor", w)
        : home == A_HOME_4 ? g_strdup_printf ("Behandlingshem för kvinnor, %d veckor", w)
        : rng_chance (rng, 40) ? g_strdup_printf ("Behandlingshem med tolvstegsprogram, %d veckor", w)
        : g_strdup_printf ("Behandlingshem, %d veckor", w);

      treatment = add_draft (b, KEDJA_PHASE_TREATMENT, title, home, KEDJA_CARE_SETTING_INPATIENT,
                             maybe_code (b, "SAB.TB.ZZ"), KEDJA_DOMAIN_SUBSTANCE_USE, t, w * 7);
    }
  else
    {
      static const char *const titles[] = {
        "Återfallsprevention i grupp, öppenvård",
        "Dagbehandling med tolvstegsprogram",
        "CRA-behandling i öppenvård",
        "Öppenvårdsbehandling, MI och KBT",
      };
      gboolean region = rng_chance (rng, 50);

      treatment = add_draft (b, KEDJA_PHASE_TREATMENT, PICK (rng, titles),
                             region ? A_ADDICTION_OPEN : A_BEROENDEENHETEN,
                             KEDJA_CARE_SETTING_OUTPATIENT,
                             maybe_code (b, region ? "DU021" : "SAB.TA.ZZ"),
                             KEDJA_DOMAIN_SUBSTANCE_USE, t, rng_range (rng, 90, 180));
    }
  if (detox_step != G_MAXUINT)
    link_steps (b, detox_step, treatment);
  treat_end = draft_at (b, treatment)->end;

  if (aftercare)
    {
      int from = treat_end + 1;
      guint after;

      /* Overlapping treatment when the person has a home: aftercare booked
       * before the stay at the treatment home is over. */
      if ((b->problems & P_OVERLAP) && client->has_own_housing)
        from -= rng_range (rng, 3, 10);
      after = add_draft (b, KEDJA_PHASE_TREATMENT, "Eftervård i öppenvård, 6 månader",
                         rng_chance (rng, 50) ? A_ADDICTION_OPEN : A_BEROENDEENHETEN,
                         KEDJA_CARE_SETTING_OUTPATIENT, NULL,
                         KEDJA_DOMAIN_SUBSTANCE_USE, from, 182);
      link_steps (b, treatment, after);
    }

  if (!client->has_own_housing && !(b->problems & P_DEAD_END))
    {
      static const struct { const char *title; guint agency; } first[] = {
        { "Träningslägenhet med boendestöd", A_BOENDEENHETEN },
        { "Träningslägenhet med boendestöd", A_BOENDEENHETEN },
        { "Stödboende, Stadsmissionen", A_STADSMISSIONEN },
        { "Boende med stöd, Räddningsmissionen", A_RADDNINGSMISSIONEN },
      };
      guint k = rng_below (rng, G_N_ELEMENTS (first));
      /* After a treatment home the flat must be ready the next day; during
       * outpatient treatment the person needs a roof from the start. */
      int from = inpatient ? treat_end + 1 : draft_at (b, treatment)->start;
      gboolean second = (b->problems & P_OVERLAP) || rng_chance (rng, 55);
      guint sender = inpatient ? treatment : detox_step;
      guint housing;

      if (b->problems & P_NO_HOUSING)
        from += rng_range (rng, 10, 40);
      housing = add_draft (b, KEDJA_PHASE_HOUSING, first[k].title, first[k].agency,
                           KEDJA_CARE_SETTING_NONE, maybe_code (b, "SCB.NB.ZZ"),
                           KEDJA_DOMAIN_HOUSING, from, rng_range (rng, 180, 365));
      /* Outpatient treatment without detox begins the same day as the
       * housing: there is nothing to hand over. */
      if (sender != G_MAXUINT)
        link_steps (b, sender, housing);

      if (second)
        {
          int next = draft_at (b, housing)->end + 1;
          guint h2;

          if (b->problems & P_OVERLAP)
            next -= rng_range (rng, 3, 14);
          h2 = add_draft (b, KEDJA_PHASE_HOUSING, "Försökslägenhet, Bostadsbolaget",
                          A_BOSTADSBOLAGET, KEDJA_CARE_SETTING_NONE, NULL,
                          KEDJA_DOMAIN_HOUSING, next, rng_chance (rng, 50) ? 0 : 365);
          link_steps (b, housing, h2);
        }
    }
  else if (rng_chance (rng, 35))
    add_draft (b, KEDJA_PHASE_HOUSING, "Boendestöd i egen lägenhet", A_BOENDEENHETEN,
               KEDJA_CARE_SETTING_NONE, NULL, KEDJA_DOMAIN_HOUSING,
               draft_at (b, treatment)->start + rng_range (rng, 7, 30), rng_range (rng, 120, 300));

  /* Occupation starts once treatment is well under way or over. */
  employment_from = inpatient ? treat_end + rng_range (rng, 14, 60)
                              : draft_at (b, treatment)->start + rng_range (rng, 30, 90);
  if (!(b->problems & P_DEAD_END) && rng_chance (rng, 85))
    {
      static const struct { const char *title; guint agency; const char *code; } kinds[] = {
        { "Arbetsträning, Vägen ut! kooperativen", A_VAGEN_UT, NULL },
        { "Arbetsträning, Vägen ut! kooperativen", A_VAGEN_UT, NULL },
        { "Arbetsträning, Stadsmissionen", A_STADSMISSIONEN, NULL },
        { "Arbetsträning, Räddningsmissionen", A_RADDNINGSMISSIONEN, NULL },
        { "Förberedande insatser, Arbetsförmedlingen", A_EMPLOYMENT, NULL },
        { "Studier på Komvux", A_ADULT_EDUCATION, NULL },
        { "Arbetslivsinriktad rehabilitering, Försäkringskassan", A_INSURANCE, NULL },
        { "Sysselsättning, socialtjänstens dagverksamhet", A_SOCIAL, "SDA.AB.ZZ" },
      };
      guint k = rng_below (rng, G_N_ELEMENTS (kinds));
      guint agency = kinds[k].agency == A_SOCIAL ? b->social : kinds[k].agency;
      guint e1 = add_draft (b, KEDJA_PHASE_EMPLOYMENT, kinds[k].title, agency,
                            KEDJA_CARE_SETTING_NONE, maybe_code (b, kinds[k].code),
                            KEDJA_DOMAIN_OCCUPATION, employment_from, rng_range (rng, 120, 365));

      if (rng_chance (rng, 35))
        {
          static const char *const next[] = {
            "Praktik via Arbetsförmedlingen",
            "Anställning med lönestöd, Arbetsförmedlingen",
          };
          guint e2 = add_draft (b, KEDJA_PHASE_EMPLOYMENT, PICK (rng, next), A_EMPLOYMENT,
                                KEDJA_CARE_SETTING_NONE, NULL, KEDJA_DOMAIN_OCCUPATION,
                                draft_at (b, e1)->end + 1, rng_chance (rng, 40) ? 0 : 365);
          link_steps (b, e1, e2);
        }
      /* Plans change: a placement that was booked and then called off. */
      if (rng_chance (rng, 6))
        {
          guint c = add_draft (b, KEDJA_PHASE_EMPLOYMENT, "Praktik, Arbetsförmedlingen",
                               A_EMPLOYMENT, KEDJA_CARE_SETTING_NONE, NULL,
                               KEDJA_DOMAIN_OCCUPATION, employment_from - 14, 60);
          draft_at (b, c)->cancelled = TRUE;
        }
    }

  /* Support begins during treatment, so it never hides a gap after detox. */
  if (b->prison)
    {
      add_draft (b, KEDJA_PHASE_SUPPORT, "Frivård med behandlingsprogram", A_PROBATION,
                 KEDJA_CARE_SETTING_NONE, NULL, KEDJA_DOMAIN_CRIME_FREE,
                 draft_at (b, treatment)->start, rng_range (rng, 180, 540));
      if (rng_chance (rng, 60))
        {
          guint k = rng_chance (rng, 70) ? A_KRIS : A_GATANS_LAG;
          add_draft (b, KEDJA_PHASE_SUPPORT,
                     k == A_KRIS ? "Kamratstöd, KRIS" : "Kamratstöd, Gatans Lag", k,
                     KEDJA_CARE_SETTING_NONE, NULL, KEDJA_DOMAIN_CRIME_FREE,
                     draft_at (b, treatment)->start + rng_range (rng, 7, 30), 0);
          g_array_append_val (used, k);
        }
    }
  if (client->relatives_involved && rng_chance (rng, 60))
    {
      static const struct { const char *title; guint agency; } kinds[] = {
        { "Anhörigstöd, Anhörigföreningen", A_ANHORIG },
        { "Nar-Anon, grupp för anhöriga", A_NAR_ANON },
        { "Föräldragrupp, Föräldraföreningen mot Narkotika", A_FMN },
      };
      guint k = rng_below (rng, G_N_ELEMENTS (kinds));
      add_draft (b, KEDJA_PHASE_SUPPORT, kinds[k].title, kinds[k].agency,
                 KEDJA_CARE_SETTING_NONE, NULL, KEDJA_DOMAIN_FAMILY,
                 draft_at (b, treatment)->start + rng_range (rng, 7, 45), rng_range (rng, 90, 270));
      g_array_append_val (used, kinds[k].agency);
    }
  if (client->children_under_18 > 0 && rng_chance (rng, 55))
    {
      if (b->prison)
        add_draft (b, KEDJA_PHASE_SUPPORT, "Stöd till barnen, BUFFF", A_BUFFF,
                   KEDJA_CARE_SETTING_NONE, NULL, KEDJA_DOMAIN_FAMILY,
                   draft_at (b, treatment)->start + rng_range (rng, 14, 60), 180);
      else
        add_draft (b, KEDJA_PHASE_SUPPORT, "Barngrupp och föräldrastöd", b->social,
                   KEDJA_CARE_SETTING_NONE, maybe_code (b, "SFB.SA.ZZ"), KEDJA_DOMAIN_FAMILY,
                   draft_at (b, treatment)->start + rng_range (rng, 14, 60), 120);
    }
  if (b->woman && rng_chance (rng, 30))
    {
      guint k = A_KVINNOKRAFT;
      add_draft (b, KEDJA_PHASE_SUPPORT, "Samtalsgrupp för kvinnor, Kvinnokraft", k,
                 KEDJA_CARE_SETTING_NONE, NULL, KEDJA_DOMAIN_NETWORK,
                 draft_at (b, treatment)->start + rng_range (rng, 7, 30), 180);
      g_array_append_val (used, k);
    }
  add_support (b, draft_at (b, treatment)->start, used);

  if (b->opioids)
    add_draft (b, KEDJA_PHASE_HEALTH, "LARO, Beroendekliniken", A_LARO, KEDJA_CARE_SETTING_NONE,
               maybe_code (b, "DV050"), KEDJA_DOMAIN_HEALTH,
               draft_at (b, treatment)->start + rng_range (rng, 0, 14), 0);
  if (b->psychiatric)
    add_draft (b, KEDJA_PHASE_HEALTH, "Psykiatrisk bedömning och behandling",
               A_PSYCH_NORDOST + b->district->psych, KEDJA_CARE_SETTING_NONE,
               maybe_code (b, "AU120"), KEDJA_DOMAIN_HEALTH,
               draft_at (b, treatment)->start + rng_range (rng, 7, 60), rng_range (rng, 120, 365));
  if (rng_chance (rng, 25))
    add_draft (b, KEDJA_PHASE_HEALTH, "Hälsokontroll och provtagning för hepatit",
               A_PRIMARY + b->district->home, KEDJA_CARE_SETTING_NONE, maybe_code (b, "AU124"),
               KEDJA_DOMAIN_HEALTH, draft_at (b, treatment)->start + rng_range (rng, 5, 40),
               rng_range (rng, 1, 21));

  /* Six steps at least: a SIP worth the name has a network around it. */
  while (b->drafts->len < 6)
    add_support (b, draft_at (b, treatment)->start, used);

  if (b->problems & P_DEAD_END)
    stop_with_treatment (b, treatment);
  else
    continue_after_care (b);
}
