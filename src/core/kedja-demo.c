/* kedja-demo.c — deterministic synthetic plans that look like the city
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Demo data for trying Kedja, for screenshots, tests and benchmarks: the
 * city's agency directory and one plan per client, shaped like the care
 * chains the field describes (detox → treatment → housing → occupation, with
 * peer support and health care alongside) — and, in about three plans in
 * ten, with the gaps the field describes, so the analysis has something to
 * find.
 *
 * Every choice comes from our own PRNG (xoshiro256**, seeded through
 * splitmix64), never from GLib's, so the same arguments give the same data
 * on every GLib version. Each client draws from a stream of its own, so the
 * first N plans of a larger run are exactly the plans of a run with N
 * clients; the directory draws from a stream that does not depend on the
 * seed, so every demo run shares one directory and repeated runs into one
 * database reuse it.
 *
 * People, staff, numbers and addresses are made up. Agency names are the
 * city's real kinds of agencies and the real civil-society organisations of
 * GLOSSARY.md; treatment homes are invented. Codes are only shaped like KVÅ
 * and KSI codes and mean nothing.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <string.h>

#include "kedja-demo.h"

/* ------------------------------------------------------------------ PRNG */

typedef struct {
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* One independent stream per (seed, stream): mixing the seed first keeps
 * neighbouring seeds and neighbouring streams apart. */
static void
rng_init (Rng    *rng,
          guint64 seed,
          guint64 stream)
{
  guint64 x = seed;
  guint64 mixed = splitmix64 (&x);

  x = mixed ^ (stream * G_GUINT64_CONSTANT (0xd1342543de82ef95));
  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&x);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* Uniform in [0, n): the high 32 bits scaled by multiplication, which is
 * exact integer arithmetic and so the same everywhere. */
static guint
rng_below (Rng  *rng,
           guint n)
{
  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi], both inclusive. */
static int
rng_range (Rng *rng,
           int  lo,
           int  hi)
{
  return lo + (int) rng_below (rng, (guint) (hi - lo + 1));
}

/* TRUE with a probability of @percent in a hundred. */
static gboolean
rng_chance (Rng *rng,
            guint percent)
{
  return rng_below (rng, 100) < percent;
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

/* Functions, not MIN/MAX: those macros evaluate an argument twice, which
 * with a random draw in it gives a third value. */
static inline KedjaDate
earlier (KedjaDate a,
         KedjaDate b)
{
  return a < b ? a : b;
}

static inline KedjaDate
later (KedjaDate a,
       KedjaDate b)
{
  return a > b ? a : b;
}

/* A random (version 4, RFC 4122 variant) UUID from our stream. */
static char *
rng_uuid (Rng *rng)
{
  guint64 hi = rng_next (rng);
  guint64 lo = rng_next (rng);

  hi = (hi & ~G_GUINT64_CONSTANT (0xf000)) | G_GUINT64_CONSTANT (0x4000);
  lo = (lo & G_GUINT64_CONSTANT (0x3fffffffffffffff)) | G_GUINT64_CONSTANT (0x8000000000000000);
  return g_strdup_printf ("%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
                          (guint) (hi >> 32), (guint) ((hi >> 16) & 0xffff),
                          (guint) (hi & 0xffff), (guint) (lo >> 48),
                          lo & G_GUINT64_CONSTANT (0xffffffffffff));
}

/* ----------------------------------------------------------- word lists */

static const char *const female_names[] = {
  "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kristina", "Emma", "Malin",
  "Jenny", "Linda", "Johanna", "Sofia", "Elin", "Ida", "Hanna", "Camilla",
  "Therese", "Jessica", "Annika", "Susanne", "Helena", "Carina", "Marie",
  "Ulrika", "Petra", "Frida", "Amanda", "Josefin", "Linnéa", "Fatima", "Amina",
  "Leila", "Yasmin", "Mirela", "Sanna", "Tuula", "Agnieszka", "Natalia",
  "Zeynep", "Nour", "Åsa",
};

static const char *const male_names[] = {
  "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Peter", "Thomas",
  "Daniel", "Fredrik", "Jonas", "Magnus", "Stefan", "Mattias", "Andreas",
  "Marcus", "Patrik", "Niklas", "Tobias", "Robert", "Joakim", "Henrik",
  "Christoffer", "Jimmy", "Kenneth", "Dennis", "Roger", "Ola", "Björn",
  "Mohammed", "Ali", "Ahmed", "Hassan", "Omar", "Mehmet", "Dragan", "Juha",
  "Tomasz", "Adnan", "Ibrahim", "Göran", "Sven",
};

static const char *const last_names[] = {
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
  "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson",
  "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson",
  "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg",
  "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist",
  "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg",
  "Sjöberg", "Wallin", "Engström", "Danielsson", "Håkansson", "Eklund",
  "Lundin", "Gunnarsson", "Björk", "Holm", "Samuelsson", "Fransson",
  "Wikström", "Isaksson", "Ali", "Mohammed", "Ahmed", "Hassan", "Yilmaz",
  "Nieminen", "Korhonen", "Hodžić", "Nowak", "Kaya", "Abdi", "Hussein",
  "Petrović", "Al-Hassan", "Öberg", "Åberg",
};

static const struct {
  const char *relation;
  gboolean    woman;
} relatives[] = {
  { "mamma", TRUE }, { "pappa", FALSE }, { "syster", TRUE }, { "bror", FALSE },
  { "sambo", TRUE }, { "sambo", FALSE }, { "dotter", TRUE }, { "son", FALSE },
  { "moster", TRUE }, { "morbror", FALSE },
};

/* ------------------------------------------------------------ districts */

typedef struct {
  const char *name;
  const char *slug;     /* for made-up e-mail addresses */
  const char *place;    /* where its health centre is */
  guint       weight;   /* share of the city's clients, roughly */
  guint       psych;    /* which psychiatric clinic serves it */
  guint       home;     /* whose social services serve it (the islands) */
} District;

enum { PSYCH_NORDOST, PSYCH_CENTRUM, PSYCH_HISINGEN, PSYCH_SYDVAST, N_PSYCH };

#define N_DISTRICTS 10   /* with their own social services */

static const District districts[] = {
  { "Angered", "angered", "Angered", 15, PSYCH_NORDOST, 0 },
  { "Östra Göteborg", "ostra", "Bergsjön", 14, PSYCH_NORDOST, 1 },
  { "Örgryte-Härlanda", "orgryte-harlanda", "Härlanda", 8, PSYCH_CENTRUM, 2 },
  { "Centrum", "centrum", "Centrum", 12, PSYCH_CENTRUM, 3 },
  { "Majorna-Linné", "majorna-linne", "Majorna", 11, PSYCH_CENTRUM, 4 },
  { "Askim-Frölunda-Högsbo", "afh", "Frölunda", 9, PSYCH_SYDVAST, 5 },
  { "Västra Hisingen", "vastra-hisingen", "Biskopsgården", 12, PSYCH_HISINGEN, 6 },
  { "Lundby", "lundby", "Lundby", 8, PSYCH_HISINGEN, 7 },
  { "Norra Hisingen", "norra-hisingen", "Backa", 6, PSYCH_HISINGEN, 8 },
  { "Västra Göteborg", "vastra", "Tynnered", 5, PSYCH_SYDVAST, 9 },
  /* The southern archipelago belongs to Västra Göteborg: the same help,
   * reached by ferry. */
  { "Vrångö", "vrango", "Tynnered", 1, PSYCH_SYDVAST, 9 },
};

static const District *
pick_district (Rng *rng)
{
  guint total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    total += districts[i].weight;
  r = rng_below (rng, total);
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      if (r < districts[i].weight)
        return &districts[i];
      r -= districts[i].weight;
    }
  return &districts[0];
}

/* ------------------------------------------------------------ directory */

/* How an agency is identified: health-care units by HSA-id, the rest by an
 * organisation number whose first digit says what kind of body it is. */
typedef enum { ID_HSA, ID_MUNICIPAL, ID_STATE, ID_COMPANY, ID_ASSOCIATION } IdClass;

typedef struct {
  const char     *name;
  KedjaAgencyKind kind;
  IdClass         id_class;
  const char     *slug;
} FixedAgency;

enum {
  A_DETOX, A_ADDICTION_OPEN, A_LARO,
  A_PSYCH_NORDOST, A_PSYCH_CENTRUM, A_PSYCH_HISINGEN, A_PSYCH_SYDVAST,
  A_BEROENDEENHETEN, A_PROBATION, A_PRISON, A_EMPLOYMENT, A_INSURANCE,
  A_BOSTADSBOLAGET, A_BOENDEENHETEN, A_ADULT_EDUCATION,
  A_HOME_1, A_HOME_2, A_HOME_3, A_HOME_4, A_HOME_5,
  A_KAMRAT, A_KRIS, A_BASTA_VAST, A_FMN, A_VAGEN_UT, A_LANKARNA, A_BRUKARRADET,
  A_ANHORIG, A_RATTVIS, A_KVINNOKRAFT, A_VANNPLATSEN, A_RFHL, A_NA, A_NAR_ANON,
  A_SOLROSEN, A_GFS, A_BONA_VIA, A_SOLKATTEN, A_STADSMISSIONEN,
  A_RADDNINGSMISSIONEN, A_BUFFF, A_GATANS_LAG,
  N_FIXED,
  A_SOCIAL = N_FIXED,              /* + district: Socialtjänsten <district> */
  A_PRIMARY = N_FIXED + N_DISTRICTS, /* + district: Vårdcentralen <place> */
  N_AGENCIES = N_FIXED + 2 * N_DISTRICTS,
};

#define CS KEDJA_AGENCY_KIND_CIVIL_SOCIETY

static const FixedAgency fixed_agencies[N_FIXED] = {
  [A_DETOX] = { "Beroendekliniken, avgiftningsavdelning", KEDJA_AGENCY_KIND_ADDICTION_CARE, ID_HSA, "avgiftning.beroendekliniken" },
  [A_ADDICTION_OPEN] = { "Beroendekliniken, öppenvårdsmottagning", KEDJA_AGENCY_KIND_ADDICTION_CARE, ID_HSA, "oppenvard.beroendekliniken" },
  [A_LARO] = { "Beroendekliniken, LARO-mottagning", KEDJA_AGENCY_KIND_ADDICTION_CARE, ID_HSA, "laro.beroendekliniken" },
  [A_PSYCH_NORDOST] = { "Psykiatrimottagning Nordost", KEDJA_AGENCY_KIND_PSYCHIATRY, ID_HSA, "nordost.psykiatri" },
  [A_PSYCH_CENTRUM] = { "Psykiatrimottagning Centrum", KEDJA_AGENCY_KIND_PSYCHIATRY, ID_HSA, "centrum.psykiatri" },
  [A_PSYCH_HISINGEN] = { "Psykiatrimottagning Hisingen", KEDJA_AGENCY_KIND_PSYCHIATRY, ID_HSA, "hisingen.psykiatri" },
  [A_PSYCH_SYDVAST] = { "Psykiatrimottagning Sydväst", KEDJA_AGENCY_KIND_PSYCHIATRY, ID_HSA, "sydvast.psykiatri" },
  [A_BEROENDEENHETEN] = { "Beroendeenheten, socialtjänstens öppenvård", KEDJA_AGENCY_KIND_SOCIAL_SERVICES, ID_MUNICIPAL, "beroendeenheten" },
  [A_PROBATION] = { "Kriminalvården, Frivården Göteborg", KEDJA_AGENCY_KIND_PRISON_PROBATION, ID_STATE, "frivarden" },
  [A_PRISON] = { "Kriminalvården, anstalt", KEDJA_AGENCY_KIND_PRISON_PROBATION, ID_STATE, "anstalt" },
  [A_EMPLOYMENT] = { "Arbetsförmedlingen Göteborg", KEDJA_AGENCY_KIND_EMPLOYMENT_SERVICE, ID_STATE, "arbetsformedlingen" },
  [A_INSURANCE] = { "Försäkringskassan", KEDJA_AGENCY_KIND_SOCIAL_INSURANCE, ID_STATE, "forsakringskassan" },
  [A_BOSTADSBOLAGET] = { "Bostadsbolaget", KEDJA_AGENCY_KIND_HOUSING, ID_COMPANY, "bostadsbolaget" },
  [A_BOENDEENHETEN] = { "Boendeenheten, boendestöd och träningslägenheter", KEDJA_AGENCY_KIND_HOUSING, ID_MUNICIPAL, "boendeenheten" },
  [A_ADULT_EDUCATION] = { "Vuxenutbildningen Göteborg", KEDJA_AGENCY_KIND_OTHER, ID_MUNICIPAL, "vuxenutbildningen" },
  [A_HOME_1] = { "Behandlingshemmet Granbacken", KEDJA_AGENCY_KIND_OTHER, ID_COMPANY, "granbacken" },
  [A_HOME_2] = { "Behandlingshemmet Havsbris", KEDJA_AGENCY_KIND_OTHER, ID_COMPANY, "havsbris" },
  [A_HOME_3] = { "Lövsta gård behandlingshem", KEDJA_AGENCY_KIND_OTHER, ID_COMPANY, "lovstagard" },
  [A_HOME_4] = { "Ekhagens behandlingshem för kvinnor", KEDJA_AGENCY_KIND_OTHER, ID_COMPANY, "ekhagen" },
  [A_HOME_5] = { "Tallmons kontraktsvård", KEDJA_AGENCY_KIND_OTHER, ID_COMPANY, "tallmon" },
  [A_KAMRAT] = { "Kamratföreningen 2603", CS, ID_ASSOCIATION, "kamrat2603" },
  [A_KRIS] = { "KRIS (Kriminellas Revansch i Samhället)", CS, ID_ASSOCIATION, "kris" },
  [A_BASTA_VAST] = { "Bästa Väst", CS, ID_ASSOCIATION, "bastavast" },
  [A_FMN] = { "Föräldraföreningen mot Narkotika", CS, ID_ASSOCIATION, "fmn" },
  [A_VAGEN_UT] = { "Vägen ut! kooperativen", CS, ID_ASSOCIATION, "vagenut" },
  [A_LANKARNA] = { "Länkarna", CS, ID_ASSOCIATION, "lankarna" },
  [A_BRUKARRADET] = { "Brukarrådet", CS, ID_ASSOCIATION, "brukarradet" },
  [A_ANHORIG] = { "Anhörigföreningen för närstående till alkohol- och drogberoende", CS, ID_ASSOCIATION, "anhorigforeningen" },
  [A_RATTVIS] = { "Rättvis teater", CS, ID_ASSOCIATION, "rattvisteater" },
  [A_KVINNOKRAFT] = { "Kvinnokraft", CS, ID_ASSOCIATION, "kvinnokraft" },
  [A_VANNPLATSEN] = { "Vännplatsen", CS, ID_ASSOCIATION, "vannplatsen" },
  [A_RFHL] = { "RFHL Göteborg", CS, ID_ASSOCIATION, "rfhl" },
  [A_NA] = { "Anonyma Narkomaner", CS, ID_ASSOCIATION, "na" },
  [A_NAR_ANON] = { "Nar-Anon", CS, ID_ASSOCIATION, "naranon" },
  [A_SOLROSEN] = { "Solrosen", CS, ID_ASSOCIATION, "solrosen" },
  [A_GFS] = { "Göteborgs Frivilliga Samhällsarbetare", CS, ID_ASSOCIATION, "gfs" },
  [A_BONA_VIA] = { "Bona Via", CS, ID_ASSOCIATION, "bonavia" },
  [A_SOLKATTEN] = { "Självhjälpshuset Solkatten", CS, ID_ASSOCIATION, "solkatten" },
  [A_STADSMISSIONEN] = { "Stadsmissionen", CS, ID_ASSOCIATION, "stadsmissionen" },
  [A_RADDNINGSMISSIONEN] = { "Räddningsmissionen", CS, ID_ASSOCIATION, "raddningsmissionen" },
  [A_BUFFF] = { "BUFFF", CS, ID_ASSOCIATION, "bufff" },
  [A_GATANS_LAG] = { "Gatans Lag", CS, ID_ASSOCIATION, "gatanslag" },
};

#undef CS

#define STAFF_PER_AGENCY 3

typedef struct {
  KedjaAgency *agencies[N_AGENCIES];   /* owned by KedjaDemoData */
  char        *staff[N_AGENCIES][STAFF_PER_AGENCY];
} Directory;

static char *
person_name (Rng     *rng,
             gboolean woman)
{
  return g_strdup_printf ("%s %s",
                          woman ? PICK (rng, female_names) : PICK (rng, male_names),
                          PICK (rng, last_names));
}

/* The Luhn digit over @digits, as for identity and organisation numbers. */
static int
luhn_digit (const char *digits)
{
  int sum = 0;

  for (int i = 0; digits[i]; i++)
    {
      int d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
  return (10 - sum % 10) % 10;
}

/* Organisation numbers with a correct check digit but mostly zeros, so
 * nobody mistakes them for a real body's. */
static char *
org_number (IdClass id_class,
            guint   serial)
{
  const char *prefix = id_class == ID_STATE ? "202"
                       : id_class == ID_MUNICIPAL ? "212"
                       : id_class == ID_COMPANY ? "556" : "802";
  char nine[10];

  g_snprintf (nine, sizeof nine, "%s0000%02u", prefix, serial % 100);
  return g_strdup_printf ("%.6s-%.3s%d", nine, nine + 6, luhn_digit (nine));
}

static void
directory_add (Directory      *dir,
               Rng            *rng,
               guint           index,
               const char     *name,
               KedjaAgencyKind kind,
               IdClass         id_class,
               const char     *slug)
{
  g_autofree char *id = rng_uuid (rng);
  KedjaAgency *agency = kedja_agency_new (id, name, kind);

  if (id_class == ID_HSA)
    /* The region's HSA prefix with a serial of obvious zeros. */
    agency->hsa_id = g_strdup_printf ("SE2321000131-E%012u", 100 + index);
  else
    agency->org_number = org_number (id_class, index);
  /* 031-390 06 xx: the Gothenburg block set aside for fiction; .example is
   * a domain reserved for examples. */
  agency->contact = g_strdup_printf ("031-390 06 %02u, kontakt@%s.example", index % 100, slug);

  for (guint i = 0; i < STAFF_PER_AGENCY; i++)
    dir->staff[index][i] = person_name (rng, rng_chance (rng, 70));
  dir->agencies[index] = agency;
}

/* The directory depends on nothing but this constant: see the top. */
#define DIRECTORY_STREAM G_GUINT64_CONSTANT (0x4b65646a61446972)

static void
directory_init (Directory *dir)
{
  Rng rng;

  rng_init (&rng, DIRECTORY_STREAM, 0);
  for (guint i = 0; i < N_FIXED; i++)
    directory_add (dir, &rng, i, fixed_agencies[i].name, fixed_agencies[i].kind,
                   fixed_agencies[i].id_class, fixed_agencies[i].slug);
  for (guint d = 0; d < N_DISTRICTS; d++)
    {
      g_autofree char *social = g_strdup_printf ("Socialtjänsten %s", districts[d].name);
      g_autofree char *primary = g_strdup_printf ("Vårdcentralen %s", districts[d].place);
      g_autofree char *social_slug = g_strdup_printf ("socialtjansten-%s", districts[d].slug);
      g_autofree char *primary_slug = g_strdup_printf ("vc-%s", districts[d].slug);

      directory_add (dir, &rng, A_SOCIAL + d, social, KEDJA_AGENCY_KIND_SOCIAL_SERVICES,
                     ID_MUNICIPAL, social_slug);
      directory_add (dir, &rng, A_PRIMARY + d, primary, KEDJA_AGENCY_KIND_PRIMARY_CARE,
                     ID_HSA, primary_slug);
    }
}

static void
directory_clear (Directory *dir)
{
  for (guint i = 0; i < N_AGENCIES; i++)
    for (guint j = 0; j < STAFF_PER_AGENCY; j++)
      g_free (dir->staff[i][j]);
}

/* ------------------------------------------------------------- builder */

/* The gaps a plan may be given on purpose (see DESIGN.md's rules). */
typedef enum {
  P_DETOX_GAP      = 1 << 0,  /* uncovered days between detox and treatment */
  P_NO_HOUSING     = 1 << 1,  /* residential treatment ends, housing later */
  P_OVERLAP        = 1 << 2,  /* two steps of one phase share days */
  P_LONG_WAIT      = 1 << 3,  /* need recorded long before the first step */
  P_UNCONFIRMED    = 1 << 4,  /* a handover due or past, not confirmed */
  P_NO_CONSENT     = 1 << 5,  /* an agency takes part without consent */
  P_FOLLOW_UP      = 1 << 6,  /* no follow-up date, or an overdue one */
  P_NO_OWN_GOAL    = 1 << 7,
  P_NO_COORDINATOR = 1 << 8,
  P_CHILDREN       = 1 << 9,  /* children, but no goal for the family */
  P_DEAD_END       = 1 << 10, /* treatment ends and nothing is planned after */
} Problem;

/* A step while the chain is laid out, in days from the chain's start. */
typedef struct {
  KedjaStep  *step;
  guint       agency;     /* index in the directory */
  int         start;
  int         end;        /* inclusive; ignored when open */
  gboolean    open;       /* runs on with no end */
  gboolean    removed;    /* fell after a closed plan's end */
  gboolean    cancelled;
  KedjaDomain domain;     /* the goal it serves */
} Draft;

typedef struct {
  guint from;
  guint to;
} Link;

typedef struct {
  Rng              rng;
  const Directory *dir;
  KedjaDate        today;
  KedjaPlan       *plan;
  const District  *district;
  gboolean         woman;
  gboolean         prison;      /* comes from prison or probation */
  gboolean         opioids;     /* in medication-assisted treatment */
  gboolean         psychiatric;
  guint            problems;
  guint            social;      /* the district's social services */
  int              need;        /* need recorded, in chain days */
  int              close;       /* a closed plan's last day, in chain days */
  KedjaDate        base;        /* the date of chain day 0 */
  GArray          *drafts;      /* Draft */
  GArray          *links;       /* Link */
} Builder;

static const char *
staff (Builder *b,
       guint    agency)
{
  return b->dir->staff[agency][rng_below (&b->rng, STAFF_PER_AGENCY)];
}

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
  d.step->contact = g_strdup (staff (b, agency));
  d.step->setting = setting;
  d.step->code = g_strdup (code);
  d.start = start;
  d.end = start + length - 1;
  d.open = length == 0;
  d.domain = domain;
  g_array_append_val (b->drafts, d);
  return b->drafts->len - 1;
}

static Draft *
draft_at (Builder *b,
          guint    i)
{
  return &g_array_index (b->drafts, Draft, i);
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
static void
build_chain (Builder *b)
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

/* ------------------------------------------------------------------ time */

static int
chain_first_day (Builder *b)
{
  int first = G_MAXINT;

  for (guint i = 0; i < b->drafts->len; i++)
    first = MIN (first, draft_at (b, i)->start);
  return first;
}

/* The last day of the chain, far off when something runs on. */
static int
chain_last_day (Builder *b)
{
  int last = 0;

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      if (!d->cancelled)
        last = MAX (last, d->open ? G_MAXINT / 2 : d->end);
    }
  return last;
}

/* A closed plan ends some months after the person has moved on from
 * treatment to housing or occupation. */
static int
closing_day (Builder *b)
{
  int last_care = 0, last_start = 0;

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);

      if (d->step->phase == KEDJA_PHASE_DETOX || d->step->phase == KEDJA_PHASE_TREATMENT)
        last_care = MAX (last_care, d->end);
      if (d->step->phase == KEDJA_PHASE_HOUSING || d->step->phase == KEDJA_PHASE_EMPLOYMENT)
        last_start = MAX (last_start, d->start);
    }
  return MAX (last_care, last_start) + rng_range (&b->rng, 30, 200);
}

/* Places the chain in the calendar: a draft's chain begins soon, an active
 * one began up to eleven months ago and runs on past today, a closed one
 * ended weeks or months ago. */
static void
place_in_time (Builder        *b,
               KedjaPlanStatus status)
{
  Rng *rng = &b->rng;

  switch (status)
    {
    case KEDJA_PLAN_STATUS_DRAFT:
      b->base = b->today + rng_range (rng, 3, 28);
      break;

    case KEDJA_PLAN_STATUS_ACTIVE:
      {
        /* Began long enough ago to be under way, not so long ago that a
         * short chain would be over already. */
        int latest_start = chain_last_day (b) - 14;

        b->base = b->today - rng_range (rng, 5, CLAMP (latest_start, 5, 330));
      }
      break;

    case KEDJA_PLAN_STATUS_CLOSED:
    default:
      b->close = closing_day (b);
      b->base = b->today - rng_range (rng, 10, 150) - b->close;
      for (guint i = 0; i < b->drafts->len; i++)
        {
          Draft *d = draft_at (b, i);

          if (d->start > b->close)
            d->removed = TRUE;
          else if (d->open || d->end > b->close)
            {
              d->open = FALSE;
              d->end = b->close;
            }
        }
      break;
    }

  if (status == KEDJA_PLAN_STATUS_ACTIVE)
    {
      /* The chain must still be running: an end of the chain that has
       * passed is extended, as happens when the next step is not ready. */
      int today = b->today - b->base;

      for (guint i = 0; i < b->drafts->len; i++)
        {
          Draft *d = draft_at (b, i);
          gboolean hands_over = FALSE;

          if (d->open || d->end >= today + 14 || d->cancelled
              || (d->step->phase != KEDJA_PHASE_HOUSING
                  && d->step->phase != KEDJA_PHASE_EMPLOYMENT))
            continue;
          for (guint j = 0; j < b->links->len; j++)
            hands_over |= g_array_index (b->links, Link, j).from == i;
          if (!hands_over)
            d->end = today + rng_range (rng, 30, 200);
        }
    }

  /* The need is found some days before help starts, or, for the plans
   * that wait too long, months before. */
  b->need = chain_first_day (b) - ((b->problems & P_LONG_WAIT) ? rng_range (rng, 40, 120)
                                                                 : rng_range (rng, 3, 25));
}

static KedjaDate
day (Builder *b,
     int      offset)
{
  return b->base + offset;
}

/* Turns laid-out days into planned and actual dates and statuses as they
 * stand today: what has begun has an actual start, what has ended an actual
 * end, and plans were not always kept to the day. */
static void
date_steps (Builder        *b,
            KedjaPlanStatus status)
{
  Rng *rng = &b->rng;

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      KedjaStep *step = d->step;
      KedjaDate s = day (b, d->start);
      KedjaDate e = d->open ? KEDJA_DATE_NONE : day (b, d->end);

      if (d->removed)
        continue;

      step->planned_start = s;
      step->planned_end = e;
      if (d->cancelled)
        {
          step->status = KEDJA_STEP_STATUS_CANCELLED;
          continue;
        }

      if (s > b->today)
        {
          step->status = s - b->today <= 21 && rng_chance (rng, 60)
                           ? KEDJA_STEP_STATUS_BOOKED : KEDJA_STEP_STATUS_PLANNED;
          continue;
        }

      step->actual_start = s;
      if (rng_chance (rng, 25))
        step->planned_start = s + rng_range (rng, 1, 4) * (rng_chance (rng, 50) ? 1 : -1);

      if (e != KEDJA_DATE_NONE && e < b->today)
        {
          step->actual_end = e;
          step->status = KEDJA_STEP_STATUS_COMPLETED;
          if (rng_chance (rng, 20))
            step->planned_end = e + rng_range (rng, -5, 5);
          /* Some leave early: treatment broken off in a closed plan, or a
           * support group the person stopped going to. */
          if ((status == KEDJA_PLAN_STATUS_CLOSED && step->phase == KEDJA_PHASE_TREATMENT
               && rng_chance (rng, 12))
              || (step->phase == KEDJA_PHASE_SUPPORT && rng_chance (rng, 10)))
            {
              step->status = KEDJA_STEP_STATUS_INTERRUPTED;
              step->planned_end = e + rng_range (rng, 10, 40);
            }
        }
      else
        step->status = KEDJA_STEP_STATUS_ONGOING;

      if (step->planned_end != KEDJA_DATE_NONE && step->planned_end < step->planned_start)
        step->planned_end = step->planned_start;
    }
}

/* ----------------------------------------------------------------- goals */

static const char *const goal_statements[KEDJA_N_DOMAINS][3] = {
  [KEDJA_DOMAIN_SUBSTANCE_USE] = { "Vara drogfri i minst sex månader",
                                   "Inga återfall som leder till inskrivning",
                                   "Sluta dricka alkohol till vardags" },
  [KEDJA_DOMAIN_HOUSING] = { "Ha ett eget förstahandskontrakt",
                             "Sköta boendet i träningslägenheten utan anmärkningar",
                             "Få en försökslägenhet inom ett år" },
  [KEDJA_DOMAIN_FINANCES] = { "Ha en budget och betala räkningarna i tid",
                              "Ha en plan för skulderna hos Kronofogden",
                              "Ha en egen inkomst i stället för försörjningsstöd" },
  [KEDJA_DOMAIN_OCCUPATION] = { "Ha en sysselsättning minst 20 timmar i veckan",
                                "Läsa in gymnasiekurser på Komvux",
                                "Komma ut i praktik med sikte på anställning" },
  [KEDJA_DOMAIN_HEALTH] = { "Ha en fungerande kontakt med psykiatrin",
                            "Stabil medicinering och bättre sömn",
                            "Gå på hälsokontroll och följa upp proverna" },
  [KEDJA_DOMAIN_FAMILY] = { "Träffa barnen regelbundet varje vecka",
                            "Återuppta umgänget med barnen, med stöd",
                            "Barnen får eget stöd i barngrupp" },
  [KEDJA_DOMAIN_NETWORK] = { "Ha kontakt med kamratstödet varje vecka",
                             "Gå på självhjälpsgrupp två gånger i veckan",
                             "Bygga ett nätverk av människor som inte använder droger" },
  [KEDJA_DOMAIN_CRIME_FREE] = { "Inga nya brott under frivårdstiden",
                                "Fullfölja frivårdens program",
                                "Bryta med det kriminella umgänget" },
  [KEDJA_DOMAIN_MEANING] = { "Ha en fritidsaktivitet som betyder något",
                             "Känna hopp inför framtiden",
                             "Vara med och påverka i brukarrådet" },
};

static KedjaGoal *
add_goal (Builder    *b,
          KedjaDomain domain,
          int         target)
{
  g_autofree char *id = rng_uuid (&b->rng);
  KedjaGoal *goal = kedja_goal_new (id, domain, PICK (&b->rng, goal_statements[domain]));

  if (rng_chance (&b->rng, 80))
    goal->target = day (b, target);
  g_ptr_array_add (b->plan->goals, goal);
  return goal;
}

/* Goals in the domains the chain works on, plus the family when there are
 * children; each step is linked to the goal it serves. */
static void
build_goals (Builder        *b,
             KedjaPlanStatus status)
{
  KedjaGoal *by_domain[KEDJA_N_DOMAINS] = { NULL };
  gboolean wanted[KEDJA_N_DOMAINS] = { FALSE };
  KedjaClient *client = b->plan->client;
  int horizon = 0;

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      if (!d->removed && !d->cancelled)
        {
          wanted[d->domain] = TRUE;
          horizon = MAX (horizon, d->open ? d->start + 365 : d->end);
        }
    }
  wanted[KEDJA_DOMAIN_SUBSTANCE_USE] = TRUE;
  /* Relatives' groups serve the network when there are no children. */
  wanted[KEDJA_DOMAIN_FAMILY] = client->children_under_18 > 0 && !(b->problems & P_CHILDREN);
  wanted[KEDJA_DOMAIN_FINANCES] = rng_chance (&b->rng, 30);
  wanted[KEDJA_DOMAIN_MEANING] = rng_chance (&b->rng, 20);

  for (guint d = 0; d < KEDJA_N_DOMAINS; d++)
    {
      KedjaGoal *goal;

      if (!wanted[d])
        continue;
      goal = add_goal (b, (KedjaDomain) d, rng_range (&b->rng, 90, MAX (91, horizon)));
      by_domain[d] = goal;
      if (goal->target != KEDJA_DATE_NONE && goal->target < b->today)
        goal->status = rng_chance (&b->rng, 60) ? KEDJA_GOAL_STATUS_REACHED
                       : rng_chance (&b->rng, 15) ? KEDJA_GOAL_STATUS_DROPPED
                       : KEDJA_GOAL_STATUS_ACTIVE;
      if (status == KEDJA_PLAN_STATUS_CLOSED && goal->status == KEDJA_GOAL_STATUS_ACTIVE)
        goal->status = rng_chance (&b->rng, 70) ? KEDJA_GOAL_STATUS_REACHED
                                                : KEDJA_GOAL_STATUS_DROPPED;
    }

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      KedjaGoal *goal = by_domain[d->domain];

      if (goal == NULL && d->domain == KEDJA_DOMAIN_FAMILY)
        goal = by_domain[KEDJA_DOMAIN_NETWORK] ? by_domain[KEDJA_DOMAIN_NETWORK]
                                               : by_domain[KEDJA_DOMAIN_SUBSTANCE_USE];
      if (goal != NULL)
        g_ptr_array_add (d->step->goal_ids, g_strdup (goal->id));
      if (d->step->phase == KEDJA_PHASE_EMPLOYMENT && by_domain[KEDJA_DOMAIN_FINANCES])
        g_ptr_array_add (d->step->goal_ids, g_strdup (by_domain[KEDJA_DOMAIN_FINANCES]->id));
    }
}

/* ------------------------------------------------------------- handovers */

/* The receiving agency confirms before the sending step ends and never
 * after today; far-off handovers are confirmed only sometimes. */
static void
build_handovers (Builder *b)
{
  KedjaDate created = b->plan->created;

  for (guint i = 0; i < b->links->len; i++)
    {
      Link *link = &g_array_index (b->links, Link, i);
      Draft *from = draft_at (b, link->from);
      Draft *to = draft_at (b, link->to);
      KedjaDate from_end, confirm;
      KedjaHandover *handover;

      if (from->removed || to->removed)
        continue;

      from_end = kedja_step_get_end (from->step);
      handover = kedja_handover_new (from->step->id, to->step->id,
                                     kedja_step_get_start (to->step));
      confirm = MIN (from_end != KEDJA_DATE_NONE ? from_end : b->today, b->today)
                - rng_range (&b->rng, 0, 4);
      confirm = MAX (confirm, created);
      /* Due soon: confirmed. Months away: seldom confirmed yet. */
      if (handover->planned <= b->today + 7
          || rng_chance (&b->rng, handover->planned <= b->today + 60 ? 60 : 15))
        {
          handover->confirmed = confirm;
          handover->confirmed_by = g_strdup (to->step->contact);
        }
      /* The receiver takes over at the handover meeting, so it comes
       * first when the handover is confirmed. */
      if (rng_chance (&b->rng, 70))
        {
          KedjaDate meeting = handover->planned - rng_range (&b->rng, 1, 10);

          if (handover->confirmed != KEDJA_DATE_NONE)
            meeting = earlier (meeting, handover->confirmed - rng_range (&b->rng, 0, 2));
          handover->meeting = later (created, meeting);
        }
      g_ptr_array_add (b->plan->handovers, handover);
    }
}

/* ---------------------------------------------------------------- people */

static void
use_agency (Builder *b,
            guint    agency)
{
  kedja_plan_add_agency (b->plan, b->dir->agencies[agency]);
}

/* Associations of people with their own experience of addiction or crime:
 * where a peer supporter comes from (not the relatives' groups). */
static gboolean
is_peer_association (guint agency)
{
  static const guint peers[] = {
    A_KAMRAT, A_KRIS, A_LANKARNA, A_NA, A_BASTA_VAST, A_SOLROSEN, A_GATANS_LAG,
    A_KVINNOKRAFT, A_RFHL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (peers); i++)
    if (peers[i] == agency)
      return TRUE;
  return FALSE;
}

/* Coordinator, one contact from each agency with a step, the client, and
 * sometimes a relative and a peer supporter. */
static void
build_participants (Builder *b)
{
  KedjaPlan *plan = b->plan;
  KedjaClient *client = plan->client;
  Rng *rng = &b->rng;
  guint coordinating = b->social;

  /* Now and then the region holds the coordinating responsibility. */
  if (rng_chance (rng, 8))
    coordinating = b->psychiatric ? A_PSYCH_NORDOST + b->district->psych : A_ADDICTION_OPEN;

  use_agency (b, coordinating);
  plan->coordinating_agency_id = g_strdup (b->dir->agencies[coordinating]->id);
  plan->coordinator = g_strdup (staff (b, coordinating));
  g_ptr_array_add (plan->participants,
                   kedja_participant_new (KEDJA_ROLE_COORDINATOR, plan->coordinating_agency_id,
                                          plan->coordinator));
  if (coordinating != b->social)
    {
      use_agency (b, b->social);
      g_ptr_array_add (plan->participants,
                       kedja_participant_new (KEDJA_ROLE_PARTICIPANT,
                                              b->dir->agencies[b->social]->id,
                                              staff (b, b->social)));
    }

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);
      gboolean known = FALSE;

      if (d->removed)
        continue;
      for (guint j = 0; j < plan->participants->len; j++)
        {
          KedjaParticipant *p = g_ptr_array_index (plan->participants, j);
          known |= g_strcmp0 (p->agency_id, d->step->agency_id) == 0;
        }
      use_agency (b, d->agency);
      if (!known && !d->cancelled)
        g_ptr_array_add (plan->participants,
                         kedja_participant_new (KEDJA_ROLE_PARTICIPANT, d->step->agency_id,
                                                d->step->contact));
    }

  if (b->prison && rng_chance (rng, 35))
    {
      use_agency (b, A_PRISON);
      g_ptr_array_add (plan->participants,
                       kedja_participant_new (KEDJA_ROLE_PARTICIPANT,
                                              b->dir->agencies[A_PRISON]->id,
                                              staff (b, A_PRISON)));
    }

  g_ptr_array_add (plan->participants, kedja_participant_new (KEDJA_ROLE_CLIENT, NULL, NULL));

  if (client->relatives_involved && rng_chance (rng, 75))
    {
      guint k = rng_below (rng, G_N_ELEMENTS (relatives));
      g_autofree char *name = person_name (rng, relatives[k].woman);
      g_autofree char *who = g_strdup_printf ("%s (%s)", name, relatives[k].relation);

      g_ptr_array_add (plan->participants, kedja_participant_new (KEDJA_ROLE_RELATIVE, NULL, who));
    }

  for (guint i = 0; i < b->drafts->len; i++)
    {
      Draft *d = draft_at (b, i);

      if (!d->removed && is_peer_association (d->agency) && rng_chance (rng, 45))
        {
          g_autofree char *name = person_name (rng, b->woman ? rng_chance (rng, 80)
                                                             : rng_chance (rng, 20));
          g_ptr_array_add (plan->participants,
                           kedja_participant_new (KEDJA_ROLE_PEER_SUPPORTER, d->step->agency_id,
                                                  name));
          break;
        }
    }
}

static const char *const exclusions[] = {
  "Uppgifter om mina barn",
  "Min psykiatriska journal",
  "Uppgifter om tidigare brott",
  "Uppgifter om min ekonomi",
  "Mina anhörigas kontaktuppgifter",
};

/* Consent for every agency that takes part except the coordinating one,
 * given when the plan was made; some written, some oral, some for a year. */
static void
build_consents (Builder        *b,
                KedjaPlanStatus status)
{
  KedjaPlan *plan = b->plan;
  Rng *rng = &b->rng;

  for (guint i = 0; i < plan->agencies->len; i++)
    {
      KedjaAgency *agency = g_ptr_array_index (plan->agencies, i);
      KedjaConsent *consent;
      KedjaDate given;

      if (g_strcmp0 (agency->id, plan->coordinating_agency_id) == 0)
        continue;

      given = earlier (plan->created + rng_range (rng, 0, 7), b->today);
      consent = kedja_consent_new (agency->id, given,
                                   rng_chance (rng, 75) ? KEDJA_CONSENT_FORM_WRITTEN
                                                        : KEDJA_CONSENT_FORM_ORAL);
      /* A closed plan's consents ran "until further notice". */
      if (status != KEDJA_PLAN_STATUS_CLOSED && rng_chance (rng, 30))
        consent->expires = later (given + 365, b->today + rng_range (rng, 14, 200));
      if (rng_chance (rng, 12))
        consent->exclusion = g_strdup (PICK (rng, exclusions));
      g_ptr_array_add (plan->consents, consent);
    }

  /* The person may withdraw consent for an agency that no longer takes
   * part: it stays on record, and nothing is shared with it. */
  if (status == KEDJA_PLAN_STATUS_ACTIVE && rng_chance (rng, 4)
      && kedja_plan_find_agency (plan, b->dir->agencies[A_INSURANCE]->id) == NULL)
    {
      KedjaConsent *consent;

      use_agency (b, A_INSURANCE);
      consent = kedja_consent_new (b->dir->agencies[A_INSURANCE]->id, plan->created,
                                   KEDJA_CONSENT_FORM_WRITTEN);
      consent->withdrawn = later (plan->created, b->today - rng_range (rng, 1, 60));
      g_ptr_array_add (plan->consents, consent);
    }
}

/* ------------------------------------------------- meetings and ratings */

static void
build_meetings (Builder        *b,
                KedjaPlanStatus status)
{
  KedjaPlan *plan = b->plan;
  Rng *rng = &b->rng;
  KedjaDate last = status == KEDJA_PLAN_STATUS_CLOSED ? day (b, b->close) : b->today;
  guint value[KEDJA_N_DOMAINS];
  gboolean rated[KEDJA_N_DOMAINS] = { FALSE };

  if (status == KEDJA_PLAN_STATUS_DRAFT)
    return;

  rated[KEDJA_DOMAIN_SUBSTANCE_USE] = TRUE;
  for (guint i = 0; i < plan->goals->len; i++)
    rated[((KedjaGoal *) g_ptr_array_index (plan->goals, i))->domain] = TRUE;
  for (guint d = 0; d < KEDJA_N_DOMAINS; d++)
    value[d] = (guint) rng_range (rng, 2, 5);

  for (KedjaDate when = plan->created + rng_range (rng, 3, 14);
       when <= last && plan->meetings->len < 8;
       when += rng_range (rng, 56, 100))
    {
      KedjaMeeting *meeting = kedja_meeting_new (when);

      for (guint i = 0; i < plan->participants->len; i++)
        {
          KedjaParticipant *p = g_ptr_array_index (plan->participants, i);

          /* The coordinator and the client are nearly always there; the
           * others when their part of the chain is on the agenda. */
          if (p->role == KEDJA_ROLE_COORDINATOR
              || (p->role == KEDJA_ROLE_CLIENT && rng_chance (rng, 92))
              || rng_chance (rng, 55))
            g_ptr_array_add (meeting->attendees, kedja_participant_copy (p));
        }
      g_ptr_array_add (plan->meetings, meeting);

      /* The person rates each domain; mostly better over time, not always. */
      for (guint d = 0; d < KEDJA_N_DOMAINS; d++)
        {
          KedjaRating *rating;
          int next;

          if (!rated[d])
            continue;
          rating = kedja_rating_new (when, (KedjaDomain) d, value[d]);
          if (rng_chance (rng, 4))
            rating->note = g_strdup (d == KEDJA_DOMAIN_SUBSTANCE_USE
                                     ? "Ett kort återfall, men tog kontakt själv"
                                     : "Går åt rätt håll");
          g_ptr_array_add (plan->ratings, rating);
          /* Drawn before CLAMP, which evaluates its argument more than once. */
          next = (int) value[d] + rng_range (rng, -1, 2);
          value[d] = (guint) CLAMP (next, 1, 10);
        }
    }
}

/* --------------------------------------------------------------- problems */

typedef struct {
  Problem problem;
  guint   weight;
} ProblemWeight;

/* About three plans in ten have something wrong, most often what the field
 * names first: days without help after detox and handovers nobody has
 * confirmed. */
static guint
choose_problems (Builder        *b,
                 KedjaPlanStatus status)
{
  static const ProblemWeight weights[] = {
    { P_DETOX_GAP, 22 }, { P_UNCONFIRMED, 18 }, { P_NO_CONSENT, 14 }, { P_FOLLOW_UP, 14 },
    { P_NO_HOUSING, 8 }, { P_LONG_WAIT, 8 }, { P_NO_OWN_GOAL, 6 }, { P_OVERLAP, 5 },
    { P_CHILDREN, 12 }, { P_DEAD_END, 4 }, { P_NO_COORDINATOR, 2 },
  };
  KedjaClient *client = b->plan->client;
  guint problems = 0, n;

  if (!rng_chance (&b->rng, 32))
    return 0;

  n = rng_chance (&b->rng, 70) ? 1 : rng_chance (&b->rng, 80) ? 2 : 3;
  for (guint tries = 0; tries < 20 && n > 0; tries++)
    {
      guint total = 0, r;
      Problem p = 0;

      for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
        total += weights[i].weight;
      r = rng_below (&b->rng, total);
      for (guint i = 0; i < G_N_ELEMENTS (weights) && p == 0; i++)
        {
          if (r < weights[i].weight)
            p = weights[i].problem;
          else
            r -= weights[i].weight;
        }

      /* What cannot happen to this person or this kind of plan. */
      if ((p == P_NO_HOUSING && client->has_own_housing)
          || (p == P_DEAD_END && (problems & (P_NO_HOUSING | P_OVERLAP)))
          || ((p == P_NO_HOUSING || p == P_OVERLAP) && (problems & P_DEAD_END))
          || (p == P_CHILDREN && client->children_under_18 == 0)
          || (p == P_FOLLOW_UP && status != KEDJA_PLAN_STATUS_ACTIVE)
          || ((p == P_UNCONFIRMED || p == P_NO_CONSENT) && status == KEDJA_PLAN_STATUS_CLOSED)
          || (problems & p))
        continue;
      problems |= p;
      n--;
    }
  return problems;
}

static gboolean
is_participating (KedjaPlan  *plan,
                  const char *agency_id)
{
  for (guint i = 0; i < plan->steps->len; i++)
    if (g_strcmp0 (((KedjaStep *) g_ptr_array_index (plan->steps, i))->agency_id, agency_id) == 0)
      return TRUE;
  return FALSE;
}

/* The problems that are about records rather than dates, applied to a plan
 * that was made sound. */
static void
apply_record_problems (Builder *b)
{
  KedjaPlan *plan = b->plan;
  Rng *rng = &b->rng;
  gboolean done = FALSE;

  if (b->problems & P_UNCONFIRMED)
    {
      /* The latest handover that is due within a week or has passed. */
      for (guint i = plan->handovers->len; i-- > 0 && !done;)
        {
          KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);

          if (handover->planned <= b->today + 7)
            {
              handover->confirmed = KEDJA_DATE_NONE;
              g_clear_pointer (&handover->confirmed_by, g_free);
              done = TRUE;
            }
        }
      if (!done)
        b->problems |= P_NO_CONSENT;
    }

  if (b->problems & P_NO_CONSENT)
    {
      guint start = rng_below (rng, MAX (plan->consents->len, 1));

      for (guint k = 0; k < plan->consents->len; k++)
        {
          guint i = (start + k) % plan->consents->len;
          KedjaConsent *consent = g_ptr_array_index (plan->consents, i);

          if (!is_participating (plan, consent->agency_id) || consent->withdrawn != KEDJA_DATE_NONE)
            continue;
          switch (rng_below (rng, 4))
            {
            case 0:
              consent->withdrawn = later (consent->given, b->today - rng_range (rng, 1, 45));
              break;
            case 1:
              consent->expires = later (consent->given, b->today - rng_range (rng, 1, 45));
              if (consent->expires >= b->today)
                g_ptr_array_remove_index (plan->consents, i);
              break;
            default:
              g_ptr_array_remove_index (plan->consents, i);
              break;
            }
          break;
        }
    }

  if (b->problems & P_FOLLOW_UP)
    plan->follow_up = rng_chance (rng, 40) ? KEDJA_DATE_NONE
                                           : b->today - rng_range (rng, 1, 45);
  if (b->problems & P_NO_OWN_GOAL)
    g_clear_pointer (&plan->own_goal, g_free);
  if (b->problems & P_NO_COORDINATOR)
    {
      /* Nobody took the coordinating responsibility: social services sit
       * at the table as one participant among others, with a consent. */
      for (guint i = 0; i < plan->participants->len; i++)
        {
          KedjaParticipant *p = g_ptr_array_index (plan->participants, i);
          if (p->role == KEDJA_ROLE_COORDINATOR)
            p->role = KEDJA_ROLE_PARTICIPANT;
        }
      for (guint i = 0; i < plan->meetings->len; i++)
        {
          KedjaMeeting *m = g_ptr_array_index (plan->meetings, i);
          for (guint j = 0; j < m->attendees->len; j++)
            {
              KedjaParticipant *p = g_ptr_array_index (m->attendees, j);
              if (p->role == KEDJA_ROLE_COORDINATOR)
                p->role = KEDJA_ROLE_PARTICIPANT;
            }
        }
      g_ptr_array_add (plan->consents,
                       kedja_consent_new (plan->coordinating_agency_id, plan->created,
                                          KEDJA_CONSENT_FORM_WRITTEN));
      g_clear_pointer (&plan->coordinating_agency_id, g_free);
      g_clear_pointer (&plan->coordinator, g_free);
    }
}

/* ------------------------------------------------------------ the client */

/* A valid personal identity number, now and then a coordination number
 * (day + 60); the third digit of the last four is odd for men. */
static char *
personal_number (Rng     *rng,
                 gboolean woman,
                 int      latest_year)
{
  int year = rng_range (rng, 1960, MIN (2004, latest_year));
  int month = rng_range (rng, 1, 12);
  int mday = rng_range (rng, 1, kedja_date_days_in_month (year, month));
  int serial = rng_range (rng, 0, 99) * 10 + rng_range (rng, 0, 4) * 2 + (woman ? 0 : 1);
  char nine[10];

  if (rng_chance (rng, 3))
    mday += 60;
  g_snprintf (nine, sizeof nine, "%02d%02d%02d%03d", year % 100, month, mday, serial);
  return g_strdup_printf ("%04d%02d%02d-%03d%d", year, month, mday, serial, luhn_digit (nine));
}

static KedjaClient *
build_client (Builder *b)
{
  Rng *rng = &b->rng;
  g_autofree char *id = rng_uuid (rng);
  g_autofree char *name = NULL;
  KedjaClient *client;
  int year;

  b->woman = rng_chance (rng, 30);
  name = person_name (rng, b->woman);
  client = kedja_client_new (id, name);
  kedja_date_to_ymd (b->today, &year, NULL, NULL);
  /* Some have no Swedish number yet (newly arrived, EU citizens). */
  if (!rng_chance (rng, 2))
    client->personal_number = personal_number (rng, b->woman, year - 18);
  b->district = pick_district (rng);
  client->district = g_strdup (b->district->name);
  client->protected_identity = rng_chance (rng, 2);
  client->children_under_18 = rng_chance (rng, 20) ? (guint) rng_range (rng, 1, 3) : 0;
  client->relatives_involved = rng_chance (rng, 35);
  client->has_own_housing = rng_chance (rng, 30);

  b->social = A_SOCIAL + b->district->home;
  b->prison = rng_chance (rng, 12);
  b->opioids = rng_chance (rng, 10);
  b->psychiatric = rng_chance (rng, 25);
  return client;
}

static char *
own_goal (Builder *b)
{
  static const char *const use[] = { "vara nykter", "hålla mig drogfri", "slippa drogerna" };
  static const char *const housing[] = { "ha en egen lägenhet", "få ett eget kontrakt",
                                         "ha ett riktigt hem igen" };
  static const char *const children[] = { "träffa mina barn varje vecka",
                                          "vara en närvarande förälder",
                                          "ha barnen hos mig varannan vecka" };
  static const char *const work[] = { "komma tillbaka till jobbet", "börja plugga igen",
                                      "ha något meningsfullt att göra på dagarna" };
  static const char *const other[] = { "ha vänner som inte dricker", "må bättre psykiskt",
                                       "få tillbaka kontakten med min familj",
                                       "hålla mig borta från kriminaliteten" };
  static const char *const whole[] = { "Jag vill inte tillbaka till gatan",
                                       "Jag vill kunna lita på mig själv igen",
                                       "Jag vill leva ett vanligt liv, med jobb och egen bostad" };
  KedjaClient *client = b->plan->client;
  Rng *rng = &b->rng;
  const char *first, *second;

  if (rng_chance (rng, 12))
    return g_strdup (PICK (rng, whole));

  first = !client->has_own_housing && rng_chance (rng, 70) ? PICK (rng, housing) : PICK (rng, use);
  second = client->children_under_18 > 0 && rng_chance (rng, 80) ? PICK (rng, children)
           : rng_chance (rng, 60) ? PICK (rng, work)
           : b->prison ? other[3] : PICK (rng, other);
  return g_strdup_printf ("Jag vill %s och %s", first, second);
}

static char *
plan_title (Builder *b)
{
  static const char *const focus[] = {
    "från avgiftning till egen bostad",
    "behandling, boende och sysselsättning",
    "vägen till ett nyktert liv",
    "stöd i vardagen och återgång till arbete",
  };
  int year;

  kedja_date_to_ymd (b->plan->created, &year, NULL, NULL);
  if (b->prison && rng_chance (&b->rng, 50))
    return g_strdup_printf ("SIP %d – frivård, behandling och boende", year);
  if (b->plan->client->children_under_18 > 0 && rng_chance (&b->rng, 50))
    return g_strdup_printf ("SIP %d – nykter förälder, trygga barn", year);
  return g_strdup_printf ("SIP %d – %s", year, PICK (&b->rng, focus));
}

/* ------------------------------------------------------------ the plan */

static int
compare_drafts (gconstpointer a,
                gconstpointer b)
{
  const Draft *x = a, *y = b;

  if (x->step->phase != y->step->phase)
    return x->step->phase < y->step->phase ? -1 : 1;
  return (x->start > y->start) - (x->start < y->start);
}

static KedjaPlan *
build_plan (const Directory *dir,
            guint64          seed,
            guint            index,
            KedjaDate        today)
{
  Builder b = { 0 };
  g_autofree char *plan_id = NULL;
  KedjaClient *client;
  KedjaPlanStatus status;
  guint r;

  rng_init (&b.rng, seed, (guint64) index + 1);
  b.dir = dir;
  b.today = today;
  b.drafts = g_array_new (FALSE, TRUE, sizeof (Draft));
  b.links = g_array_new (FALSE, FALSE, sizeof (Link));

  plan_id = rng_uuid (&b.rng);
  client = build_client (&b);
  b.plan = kedja_plan_new (plan_id, client, NULL);

  r = rng_below (&b.rng, 100);
  status = r < 15 ? KEDJA_PLAN_STATUS_DRAFT
           : r < 85 ? KEDJA_PLAN_STATUS_ACTIVE : KEDJA_PLAN_STATUS_CLOSED;
  b.plan->status = status;
  b.problems = choose_problems (&b, status);

  build_chain (&b);
  place_in_time (&b, status);

  b.plan->need_recorded = day (&b, b.need);
  /* The plan is written between finding the need and the first step, so
   * every handover can be confirmed while the plan exists. */
  b.plan->created = earlier (earlier (today, day (&b, chain_first_day (&b))),
                             b.plan->need_recorded + rng_range (&b.rng, 0, 10));
  b.plan->title = plan_title (&b);
  b.plan->own_goal = own_goal (&b);

  /* Steps in chain order, which is how people read a plan. The links keep
   * pointing at the right drafts because they are renumbered below. */
  {
    g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (Draft), b.drafts->len);
    g_autofree guint *where = g_new (guint, b.drafts->len);

    g_array_append_vals (order, b.drafts->data, b.drafts->len);
    g_array_sort (order, compare_drafts);
    for (guint i = 0; i < order->len; i++)
      for (guint j = 0; j < b.drafts->len; j++)
        if (draft_at (&b, j)->step == g_array_index (order, Draft, i).step)
          where[j] = i;
    for (guint i = 0; i < b.links->len; i++)
      {
        Link *link = &g_array_index (b.links, Link, i);
        link->from = where[link->from];
        link->to = where[link->to];
      }
    g_array_set_size (b.drafts, 0);
    g_array_append_vals (b.drafts, order->data, order->len);
  }

  date_steps (&b, status);
  build_goals (&b, status);
  for (guint i = 0; i < b.drafts->len; i++)
    {
      Draft *d = draft_at (&b, i);

      if (d->removed)
        kedja_step_free (d->step);
      else
        g_ptr_array_add (b.plan->steps, d->step);
      d->step = d->removed ? NULL : d->step;
    }
  build_handovers (&b);
  build_participants (&b);
  build_consents (&b, status);
  build_meetings (&b, status);

  switch (status)
    {
    case KEDJA_PLAN_STATUS_ACTIVE:
      b.plan->follow_up = today + rng_range (&b.rng, 1, 75);
      break;
    case KEDJA_PLAN_STATUS_DRAFT:
      /* The first SIP meeting, once everyone has been invited. */
      b.plan->follow_up = rng_chance (&b.rng, 70) ? today + rng_range (&b.rng, 3, 21)
                                                  : KEDJA_DATE_NONE;
      break;
    case KEDJA_PLAN_STATUS_CLOSED:
    default:
      b.plan->follow_up = rng_chance (&b.rng, 40) ? day (&b, b.close) : KEDJA_DATE_NONE;
      break;
    }

  apply_record_problems (&b);

  g_array_unref (b.drafts);
  g_array_unref (b.links);
  return b.plan;
}

KedjaDemoData *
kedja_demo_generate (guint     n_clients,
                     guint64   seed,
                     KedjaDate today)
{
  KedjaDemoData *data;
  Directory dir = { { NULL } };

  g_return_val_if_fail (today != KEDJA_DATE_NONE, NULL);

  data = g_new0 (KedjaDemoData, 1);
  data->agencies = g_ptr_array_new_full (N_AGENCIES, (GDestroyNotify) kedja_agency_free);
  data->plans = g_ptr_array_new_full (n_clients, (GDestroyNotify) kedja_plan_unref);

  directory_init (&dir);
  for (guint i = 0; i < N_AGENCIES; i++)
    g_ptr_array_add (data->agencies, dir.agencies[i]);
  for (guint i = 0; i < n_clients; i++)
    g_ptr_array_add (data->plans, build_plan (&dir, seed, i, today));
  directory_clear (&dir);
  return data;
}

void
kedja_demo_data_free (KedjaDemoData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->agencies, g_ptr_array_unref);
  g_clear_pointer (&data->plans, g_ptr_array_unref);
  g_free (data);
}
