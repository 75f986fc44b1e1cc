/* kedja-demo-words.c — the names and phrases of the demo plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything a person reads in a demo plan that is not an agency's or a
 * step's name: people's names, identity numbers, goals, what a consent
 * leaves out, the client's own goal and the plan's title. The names are
 * common in the city, spread over its languages; none is anyone in
 * particular.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include "kedja-demo-private.h"

/* ------------------------------------------------------------------ names */

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

char *
_kedja_demo_person_name (Rng     *rng,
                         gboolean woman)
{
  return g_strdup_printf ("%s %s",
                          woman ? PICK (rng, female_names) : PICK (rng, male_names),
                          PICK (rng, last_names));
}

/* A relative who takes part, as "Name (relation)". */
char *
_kedja_demo_relative (Rng *rng)
{
  guint k = rng_below (rng, G_N_ELEMENTS (relatives));
  g_autofree char *name = _kedja_demo_person_name (rng, relatives[k].woman);

  return g_strdup_printf ("%s (%s)", name, relatives[k].relation);
}

/* ---------------------------------------------------------------- numbers */

/* The Luhn digit over @digits, as for identity and organisation numbers. */
int
_kedja_demo_luhn_digit (const char *digits)
{
  int sum = 0;

  for (int i = 0; digits[i]; i++)
    {
      int d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
  return (10 - sum % 10) % 10;
}

/* A valid personal identity number, now and then a coordination number
 * (day + 60); the third digit of the last four is odd for men. */
char *
_kedja_demo_personal_number (Rng     *rng,
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
  return g_strdup_printf ("%04d%02d%02d-%03d%d", year, month, mday, serial,
                          _kedja_demo_luhn_digit (nine));
}

/* ------------------------------------------------------ goals and consents */

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

/* One of the ways a goal in @domain is put. */
const char *
_kedja_demo_goal_statement (Rng        *rng,
                            KedjaDomain domain)
{
  return PICK (rng, goal_statements[domain]);
}

static const char *const exclusions[] = {
  "Uppgifter om mina barn",
  "Min psykiatriska journal",
  "Uppgifter om tidigare brott",
  "Uppgifter om min ekonomi",
  "Mina anhörigas kontaktuppgifter",
};

/* What the person does not want shared with an agency. */
const char *
_kedja_demo_consent_exclusion (Rng *rng)
{
  return PICK (rng, exclusions);
}

/* ------------------------------------------------------- the plan's words */

char *
_kedja_demo_own_goal (Builder *b)
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

char *
_kedja_demo_plan_title (Builder *b)
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
