/* kedja-export-policy.c — what of a plan may leave, and to whom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy works on a copy of the plan, so every writer (SIP, FHIR) gets
 * the same reduced plan and none of them has to know why a part is missing.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "kedja-export-policy.h"
#include "kedja-name-filter.h"

void
kedja_export_policy_init (KedjaExportPolicy *policy)
{
  g_return_if_fail (policy != NULL);

  memset (policy, 0, sizeof *policy);
}

void
kedja_export_policy_clear (KedjaExportPolicy *policy)
{
  g_return_if_fail (policy != NULL);

  g_clear_pointer (&policy->pseudonym_key, g_bytes_unref);
  kedja_export_policy_init (policy);
}

/* Pseudonyms ============================================================ */

/* HMAC rather than a plain hash: ids are UUIDs a partner may already hold
 * (from an earlier, named export), and a plain hash of a known id could be
 * recomputed by anyone. Without the key it cannot. */
char *
kedja_pseudonym_for_id (GBytes     *key,
                        const char *id)
{
  g_autoptr(GHmac) hmac = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  gconstpointer key_data;
  gsize key_len;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  key_data = g_bytes_get_data (key, &key_len);
  hmac = g_hmac_new (G_CHECKSUM_SHA256, key_data, key_len);
  g_hmac_update (hmac, (const guchar *) id, -1);
  g_hmac_get_digest (hmac, digest, &digest_len);

  /* Shaped as a random (version 4) UUID, so that plan and client ids stay
   * valid where the format requires a UUID. 122 of the 256 bits remain:
   * collisions among a city's ids are not a practical concern. */
  digest[6] = (digest[6] & 0x0f) | 0x40;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3],
                          digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static void
replace_id (char      **id,
            GBytes     *key)
{
  char *pseudonym;

  if (*id == NULL)
    return;
  pseudonym = kedja_pseudonym_for_id (key, *id);
  g_free (*id);
  *id = pseudonym;
}

/* Every id that says which person or which of the person's records this
 * is, and every reference to one, through the same function: references
 * stay consistent because equal ids give equal pseudonyms. Agencies keep
 * their ids: they are organisations, and partners need to know who does
 * what. */
static void
pseudonymise_ids (KedjaPlan *plan,
                  GBytes    *key)
{
  replace_id (&plan->id, key);
  replace_id (&plan->client->id, key);

  for (guint i = 0; i < plan->goals->len; i++)
    replace_id (&((KedjaGoal *) g_ptr_array_index (plan->goals, i))->id, key);

  for (guint i = 0; i < plan->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i);

      replace_id (&step->id, key);
      for (guint j = 0; j < step->goal_ids->len; j++)
        replace_id ((char **) &g_ptr_array_index (step->goal_ids, j), key);
    }

  for (guint i = 0; i < plan->handovers->len; i++)
    {
      KedjaHandover *handover = g_ptr_array_index (plan->handovers, i);

      replace_id (&handover->from_step_id, key);
      replace_id (&handover->to_step_id, key);
    }
}

/* Leaving parts out ==================================================== */

static gboolean
is_relative (const KedjaParticipant *p)
{
  return p->role == KEDJA_ROLE_RELATIVE;
}

static void
remove_relatives (GPtrArray *people)
{
  for (guint i = people->len; i > 0; i--)
    if (is_relative (g_ptr_array_index (people, i - 1)))
      g_ptr_array_remove_index (people, i - 1);
}

/* The names that lead back to the person: the client's own (also when the
 * client sits at the table as a participant) and the relatives'. People
 * from the agencies keep their names: they act in their work role. */
static void
forget_private_names (GPtrArray *people)
{
  for (guint i = 0; i < people->len; i++)
    {
      KedjaParticipant *p = g_ptr_array_index (people, i);

      if (p->role == KEDJA_ROLE_CLIENT || p->role == KEDJA_ROLE_RELATIVE)
        g_clear_pointer (&p->name, g_free);
    }
}

static void
omit_phases (KedjaPlan *plan,
             guint      phases)
{
  g_autoptr(GHashTable) removed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_step_free);

  /* The steps go to @doomed first, so that their ids stay alive while the
   * handovers are matched against them. */
  for (guint i = plan->steps->len; i > 0; i--)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i - 1);

      if ((phases & (1u << step->phase)) == 0)
        continue;
      g_hash_table_add (removed, step->id);
      g_ptr_array_add (doomed, g_ptr_array_steal_index (plan->steps, i - 1));
    }

  for (guint i = plan->handovers->len; i > 0; i--)
    {
      KedjaHandover *handover = g_ptr_array_index (plan->handovers, i - 1);

      if (g_hash_table_contains (removed, handover->from_step_id)
          || g_hash_table_contains (removed, handover->to_step_id))
        g_ptr_array_remove_index (plan->handovers, i - 1);
    }
}

static void
omit_parts (KedjaPlan *plan,
            guint      parts)
{
  /* "Notes" to a person means every note, not only the steps': the
   * ratings' notes go too (SIP has no place for them, FHIR might). */
  if (parts & KEDJA_EXPORT_PART_NOTES)
    {
      for (guint i = 0; i < plan->steps->len; i++)
        g_clear_pointer (&((KedjaStep *) g_ptr_array_index (plan->steps, i))->note, g_free);
      for (guint i = 0; i < plan->ratings->len; i++)
        g_clear_pointer (&((KedjaRating *) g_ptr_array_index (plan->ratings, i))->note, g_free);
    }

  if (parts & KEDJA_EXPORT_PART_RATINGS)
    g_ptr_array_set_size (plan->ratings, 0);

  if (parts & KEDJA_EXPORT_PART_RELATIVES)
    {
      remove_relatives (plan->participants);
      for (guint i = 0; i < plan->meetings->len; i++)
        remove_relatives (((KedjaMeeting *) g_ptr_array_index (plan->meetings, i))->attendees);
    }

  if (parts & KEDJA_EXPORT_PART_GOALS)
    {
      g_ptr_array_set_size (plan->goals, 0);
      for (guint i = 0; i < plan->steps->len; i++)
        g_ptr_array_set_size (((KedjaStep *) g_ptr_array_index (plan->steps, i))->goal_ids, 0);
    }

  if (parts & KEDJA_EXPORT_PART_OWN_GOAL)
    g_clear_pointer (&plan->own_goal, g_free);

  if (parts & KEDJA_EXPORT_PART_MEETINGS)
    g_ptr_array_set_size (plan->meetings, 0);
}

static void
drop_if_named (char                 **text,
               const KedjaNameFilter *filter)
{
  if (*text != NULL && kedja_name_filter_text (filter, *text) == NULL)
    g_clear_pointer (text, g_free);
}

/* For text the format requires: a neutral word instead. */
static void
replace_if_named (char                 **text,
                  const KedjaNameFilter *filter,
                  const char            *neutral)
{
  if (*text != NULL && kedja_name_filter_text (filter, *text) == NULL)
    {
      g_free (*text);
      *text = g_strdup (neutral);
    }
}

static void
drop_named_people (GPtrArray             *people,
                   const KedjaNameFilter *filter)
{
  for (guint i = 0; i < people->len; i++)
    drop_if_named (&((KedjaParticipant *) g_ptr_array_index (people, i))->name, filter);
}

/* Free text that names the person ("SIP för Åsa", "Åsas mamma ringde")
 * would undo what leaving out the name fields does. */
static void
drop_named_text (KedjaPlan             *plan,
                 const KedjaNameFilter *filter)
{
  replace_if_named (&plan->title, filter, _("Coordinated individual plan"));
  drop_if_named (&plan->own_goal, filter);
  drop_if_named (&plan->coordinator, filter);
  drop_named_people (plan->participants, filter);
  for (guint i = 0; i < plan->meetings->len; i++)
    drop_named_people (((KedjaMeeting *) g_ptr_array_index (plan->meetings, i))->attendees,
                       filter);
  for (guint i = 0; i < plan->goals->len; i++)
    {
      KedjaGoal *goal = g_ptr_array_index (plan->goals, i);
      replace_if_named (&goal->statement, filter, kedja_domain_get_label (goal->domain));
    }
  for (guint i = 0; i < plan->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i);
      replace_if_named (&step->title, filter, kedja_phase_get_label (step->phase));
      drop_if_named (&step->note, filter);
      drop_if_named (&step->contact, filter);
    }
  for (guint i = 0; i < plan->handovers->len; i++)
    drop_if_named (&((KedjaHandover *) g_ptr_array_index (plan->handovers, i))->confirmed_by,
                   filter);
  for (guint i = 0; i < plan->consents->len; i++)
    drop_if_named (&((KedjaConsent *) g_ptr_array_index (plan->consents, i))->exclusion, filter);
  for (guint i = 0; i < plan->ratings->len; i++)
    drop_if_named (&((KedjaRating *) g_ptr_array_index (plan->ratings, i))->note, filter);
}

KedjaPlan *
kedja_plan_copy_for_export (const KedjaPlan         *plan,
                            const KedjaExportPolicy *policy)
{
  KedjaPlan *copy;
  KedjaClient *client;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (policy != NULL, NULL);
  g_return_val_if_fail (!policy->pseudonymise || policy->pseudonym_key != NULL, NULL);

  copy = kedja_plan_copy (plan);
  client = copy->client;

  if (policy->omit_phases != 0)
    omit_phases (copy, policy->omit_phases);
  if (policy->omit_parts != 0)
    omit_parts (copy, policy->omit_parts);

  if (client->protected_identity || policy->pseudonymise)
    {
      g_autoptr(KedjaNameFilter) filter = kedja_name_filter_new (client);

      drop_named_text (copy, filter);
      g_clear_pointer (&client->name, g_free);
      g_clear_pointer (&client->personal_number, g_free);
      g_clear_pointer (&client->district, g_free);
      forget_private_names (copy->participants);
      for (guint i = 0; i < copy->meetings->len; i++)
        forget_private_names (((KedjaMeeting *) g_ptr_array_index (copy->meetings, i))->attendees);
    }

  if (policy->pseudonymise)
    pseudonymise_ids (copy, policy->pseudonym_key);

  return copy;
}

/* Reading a consent's exclusion ======================================== */

typedef enum {
  MATCH_EXACT,   /* the word itself */
  MATCH_PREFIX,  /* the word and its inflections: psykiatri, psykiatrin, psykiatriska */
} Match;

typedef struct {
  const char *word;   /* casefolded, NFC */
  Match       match;
  guint       phases; /* 1 << KedjaPhase */
  guint       parts;  /* KedjaExportPart */
} Keyword;

#define PHASE(p) (1u << KEDJA_PHASE_##p)

/* The vocabulary, documented in docs/sip-format.md ("Consent exclusions").
 * Kept small on purpose: a word Kedja does not know is reported to the user
 * rather than guessed at, because a wrong guess shares what the client said
 * must not be shared. Prefixes are long enough not to catch unrelated
 * words; short stems are listed in their forms. */
static const Keyword keywords[] = {
  { "avgiftning", MATCH_PREFIX, PHASE (DETOX), 0 },
  { "detox", MATCH_PREFIX, PHASE (DETOX), 0 },
  { "behandling", MATCH_PREFIX, PHASE (TREATMENT), 0 },
  { "treatment", MATCH_PREFIX, PHASE (TREATMENT), 0 },
  { "boende", MATCH_PREFIX, PHASE (HOUSING), 0 },
  { "bostad", MATCH_PREFIX, PHASE (HOUSING), 0 },
  { "housing", MATCH_EXACT, PHASE (HOUSING), 0 },
  { "sysselsättning", MATCH_PREFIX, PHASE (EMPLOYMENT), 0 },
  { "arbete", MATCH_PREFIX, PHASE (EMPLOYMENT), 0 },
  { "arbets", MATCH_PREFIX, PHASE (EMPLOYMENT), 0 },
  { "employment", MATCH_EXACT, PHASE (EMPLOYMENT), 0 },
  { "work", MATCH_EXACT, PHASE (EMPLOYMENT), 0 },
  { "stöd", MATCH_EXACT, PHASE (SUPPORT), 0 },
  { "stödet", MATCH_EXACT, PHASE (SUPPORT), 0 },
  { "nätverk", MATCH_PREFIX, PHASE (SUPPORT), 0 },
  { "support", MATCH_EXACT, PHASE (SUPPORT), 0 },
  { "network", MATCH_EXACT, PHASE (SUPPORT), 0 },
  { "hälsa", MATCH_EXACT, PHASE (HEALTH), 0 },
  { "hälsan", MATCH_EXACT, PHASE (HEALTH), 0 },
  { "hälso", MATCH_PREFIX, PHASE (HEALTH), 0 },
  { "psykiatri", MATCH_PREFIX, PHASE (HEALTH), 0 },
  { "somatisk", MATCH_PREFIX, PHASE (HEALTH), 0 },
  { "laro", MATCH_EXACT, PHASE (HEALTH), 0 },
  { "health", MATCH_EXACT, PHASE (HEALTH), 0 },
  { "psychiatr", MATCH_PREFIX, PHASE (HEALTH), 0 },
  { "anteckning", MATCH_PREFIX, 0, KEDJA_EXPORT_PART_NOTES },
  { "note", MATCH_EXACT, 0, KEDJA_EXPORT_PART_NOTES },
  { "notes", MATCH_EXACT, 0, KEDJA_EXPORT_PART_NOTES },
  { "skattning", MATCH_PREFIX, 0, KEDJA_EXPORT_PART_RATINGS },
  { "rating", MATCH_PREFIX, 0, KEDJA_EXPORT_PART_RATINGS },
  { "anhörig", MATCH_PREFIX, 0, KEDJA_EXPORT_PART_RELATIVES },
  { "relatives", MATCH_EXACT, 0, KEDJA_EXPORT_PART_RELATIVES },
  { "relative", MATCH_EXACT, 0, KEDJA_EXPORT_PART_RELATIVES },
  { "mål", MATCH_EXACT, 0, KEDJA_EXPORT_PART_GOALS },
  { "målen", MATCH_EXACT, 0, KEDJA_EXPORT_PART_GOALS },
  { "målet", MATCH_EXACT, 0, KEDJA_EXPORT_PART_GOALS },
  { "goal", MATCH_EXACT, 0, KEDJA_EXPORT_PART_GOALS },
  { "goals", MATCH_EXACT, 0, KEDJA_EXPORT_PART_GOALS },
  { "möte", MATCH_PREFIX, 0, KEDJA_EXPORT_PART_MEETINGS },
  { "meeting", MATCH_PREFIX, 0, KEDJA_EXPORT_PART_MEETINGS },
};

/* Words that carry no part by themselves ("Inget om mina …", "nothing
 * about my …"): a piece of the exclusion made only of these names nothing
 * that Kedja could have missed. */
static const char *const filler[] = {
  "inget", "ingenting", "inte", "om", "heller", "varken", "min", "mitt", "mina", "mig",
  "de", "den", "det", "och", "eller", "samt", "nothing", "about", "no", "not", "my", "me",
  "the", "any", "of", "or", "nor", "and",
};

/* Casefolded and composed, so that "PSYKIATRIN", "Psykiatrin" and a
 * decomposed "a" + ring all meet the table's words. */
static char *
fold (const char *text,
      gssize      len)
{
  g_autofree char *folded = g_utf8_casefold (text, len);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean in_word = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
    }
  return words;
}

static const Keyword *
find_keyword (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    {
      const Keyword *k = &keywords[i];

      if (k->match == MATCH_EXACT ? g_str_equal (word, k->word)
                                  : g_str_has_prefix (word, k->word))
        return k;
    }
  return NULL;
}

static gboolean
is_filler (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (filler); i++)
    if (g_str_equal (word, filler[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_goal_word (const char *word)
{
  const Keyword *k = find_keyword (word);

  return k != NULL && k->parts == KEDJA_EXPORT_PART_GOALS;
}

/* Reads one piece of the exclusion ("Inget om psykiatrin"). Returns TRUE
 * when it names a part Kedja knows or only filler words. */
static gboolean
read_piece (const char *piece,
            guint      *phases,
            guint      *parts)
{
  g_autofree char *folded = fold (piece, -1);
  g_autoptr(GPtrArray) words = split_words (folded);
  gboolean named = FALSE, content = FALSE;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      const char *next = i + 1 < words->len ? g_ptr_array_index (words, i + 1) : "";
      const Keyword *k;

      /* "eget mål", "own goal": the client's own goal, not the goals. */
      if ((g_str_equal (word, "eget") || g_str_equal (word, "egna") || g_str_equal (word, "own"))
          && is_goal_word (next))
        {
          *parts |= KEDJA_EXPORT_PART_OWN_GOAL;
          named = TRUE;
          i++;
          continue;
        }

      k = find_keyword (word);
      if (k != NULL)
        {
          *phases |= k->phases;
          *parts |= k->parts;
          named = TRUE;
        }
      else if (!is_filler (word))
        content = TRUE;
    }

  return named || !content;
}

/* Pieces are separated by punctuation and by the conjunctions people use
 * to list things: "psykiatrin, skattningarna och anhöriga". */
static GPtrArray *
split_pieces (const char *exclusion)
{
  static GRegex *separators;
  char **pieces;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  if (g_once_init_enter (&separators))
    {
      GRegex *regex = g_regex_new ("[,;:/&+.!?()\\n]|\\s(?:och|eller|samt|and|or|nor)\\s",
                                   G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&separators, regex);
    }

  pieces = g_regex_split (separators, exclusion, 0);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      char *piece = g_strstrip (pieces[i]);

      if (*piece != '\0')
        g_ptr_array_add (result, g_strdup (piece));
    }
  g_strfreev (pieces);
  return result;
}

gboolean
kedja_export_policy_add_exclusion (KedjaExportPolicy  *policy,
                                   const char         *exclusion,
                                   char              **unrecognised)
{
  g_autoptr(GPtrArray) pieces = NULL;
  g_autoptr(GString) missed = NULL;
  guint phases = 0, parts = 0;

  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (exclusion != NULL, FALSE);
  g_return_val_if_fail (g_utf8_validate (exclusion, -1, NULL), FALSE);

  if (unrecognised != NULL)
    *unrecognised = NULL;

  pieces = split_pieces (exclusion);
  for (guint i = 0; i < pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (pieces, i);

      if (read_piece (piece, &phases, &parts))
        continue;
      if (missed == NULL)
        missed = g_string_new (NULL);
      else
        g_string_append (missed, ", ");
      g_string_append (missed, piece);
    }

  /* What was understood is left out even when something else was not: the
   * user is told about the rest and decides what to do about it. */
  policy->omit_phases |= phases;
  policy->omit_parts |= parts;

  if (missed == NULL)
    return TRUE;
  if (unrecognised != NULL)
    *unrecognised = g_string_free (g_steal_pointer (&missed), FALSE);
  return FALSE;
}
