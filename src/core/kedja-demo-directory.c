/* kedja-demo-directory.c — the districts and the agency directory of the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The city's districts, weighted by how many of its clients live there,
 * and the agencies every demo plan draws on: the fixed ones (the region's
 * clinics, state agencies, treatment homes, civil society) and one social
 * services office and one health centre per district, each with a few
 * made-up staff.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include "kedja-demo-private.h"

/* ------------------------------------------------------------ districts */

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

const District *
_kedja_demo_pick_district (Rng *rng)
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
  return g_strdup_printf ("%.6s-%.3s%d", nine, nine + 6, _kedja_demo_luhn_digit (nine));
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
    dir->staff[index][i] = _kedja_demo_person_name (rng, rng_chance (rng, 70));
  dir->agencies[index] = agency;
}

/* The directory depends on nothing but this constant: see the top of
 * kedja-demo.c. */
#define DIRECTORY_STREAM G_GUINT64_CONSTANT (0x4b65646a61446972)

void
_kedja_demo_directory_init (Directory *dir)
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

void
_kedja_demo_directory_clear (Directory *dir)
{
  for (guint i = 0; i < N_AGENCIES; i++)
    for (guint j = 0; j < STAFF_PER_AGENCY; j++)
      g_free (dir->staff[i][j]);
}

const char *
_kedja_demo_staff (Builder *b,
                   guint    agency)
{
  return b->dir->staff[agency][rng_below (&b->rng, STAFF_PER_AGENCY)];
}
