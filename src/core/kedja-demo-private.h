/* kedja-demo-private.h — what the demo generator's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generator is split by responsibility: kedja-demo.c assembles a plan
 * and holds the public entry points, kedja-demo-directory.c the districts
 * and the agency directory, kedja-demo-words.c the names and phrases,
 * kedja-demo-chain.c the layout of the care chain, kedja-demo-dates.c its
 * place in the calendar and its handovers, kedja-demo-records.c the client
 * and the records around the chain, and kedja-demo-problems.c the gaps some
 * plans are given on purpose.
 *
 * Nothing outside those files includes this header, so its types keep the
 * short names they had when the generator was one file.
 */
#pragma once

#include "kedja-demo.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ PRNG */

/* Inline here rather than in one file: every draw in every file goes
 * through these, and the call sites stay as short as they were. Why the
 * demo has a PRNG of its own is told at the top of kedja-demo.c. */

typedef struct {
  guint64 s[4];
} Rng;

static inline guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* One independent stream per (seed, stream): mixing the seed first keeps
 * neighbouring seeds and neighbouring streams apart. */
static inline void
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

static inline guint64
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
static inline guint
rng_below (Rng  *rng,
           guint n)
{
  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi], both inclusive. */
static inline int
rng_range (Rng *rng,
           int  lo,
           int  hi)
{
  return lo + (int) rng_below (rng, (guint) (hi - lo + 1));
}

/* TRUE with a probability of @percent in a hundred. */
static inline gboolean
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
static inline char *
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

/* ------------------------------------------------------------ directory */

/* Where each agency sits in the directory: the fixed ones first, then one
 * social services and one health centre per district. */
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

#define STAFF_PER_AGENCY 3

typedef struct {
  KedjaAgency *agencies[N_AGENCIES];   /* owned by KedjaDemoData */
  char        *staff[N_AGENCIES][STAFF_PER_AGENCY];
} Directory;

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

/* A handover to come, between two drafts by their index. */
typedef struct {
  guint from;
  guint to;
} Link;

/* One plan while it is being made; every part of the making takes it. */
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

static inline Draft *
draft_at (Builder *b,
          guint    i)
{
  return &g_array_index (b->drafts, Draft, i);
}

/* The date of chain day @offset, once the chain is placed in time. */
static inline KedjaDate
day (Builder *b,
     int      offset)
{
  return b->base + offset;
}

/* ------------------------------------------------ kedja-demo-directory.c */

void            _kedja_demo_directory_init         (Directory      *dir);
void            _kedja_demo_directory_clear        (Directory      *dir);
const District *_kedja_demo_pick_district          (Rng            *rng);
/* One of @agency's staff, as the contact for a step or a participant. */
const char     *_kedja_demo_staff                  (Builder        *b,
                                                    guint           agency);

/* ---------------------------------------------------- kedja-demo-words.c */

char           *_kedja_demo_person_name            (Rng            *rng,
                                                    gboolean        woman);
/* "Name (relation)": a relative who takes part. */
char           *_kedja_demo_relative               (Rng            *rng);
int             _kedja_demo_luhn_digit             (const char     *digits);
char           *_kedja_demo_personal_number        (Rng            *rng,
                                                    gboolean        woman,
                                                    int             latest_year);
const char     *_kedja_demo_goal_statement         (Rng            *rng,
                                                    KedjaDomain     domain);
const char     *_kedja_demo_consent_exclusion      (Rng            *rng);
char           *_kedja_demo_own_goal               (Builder        *b);
char           *_kedja_demo_plan_title             (Builder        *b);

/* ---------------------------------------------------- kedja-demo-chain.c */

void            _kedja_demo_build_chain            (Builder        *b);

/* ---------------------------------------------------- kedja-demo-dates.c */

int             _kedja_demo_chain_first_day        (Builder        *b);
void            _kedja_demo_place_in_time          (Builder        *b,
                                                    KedjaPlanStatus status);
void            _kedja_demo_date_steps             (Builder        *b,
                                                    KedjaPlanStatus status);
void            _kedja_demo_build_handovers        (Builder        *b);

/* -------------------------------------------------- kedja-demo-records.c */

KedjaClient    *_kedja_demo_build_client           (Builder        *b);
void            _kedja_demo_build_goals            (Builder        *b,
                                                    KedjaPlanStatus status);
void            _kedja_demo_build_participants     (Builder        *b);
void            _kedja_demo_build_consents         (Builder        *b,
                                                    KedjaPlanStatus status);
void            _kedja_demo_build_meetings         (Builder        *b,
                                                    KedjaPlanStatus status);

/* ------------------------------------------------- kedja-demo-problems.c */

guint           _kedja_demo_choose_problems        (Builder        *b,
                                                    KedjaPlanStatus status);
void            _kedja_demo_apply_record_problems  (Builder        *b);

G_END_DECLS
