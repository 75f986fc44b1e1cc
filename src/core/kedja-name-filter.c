/* kedja-name-filter.c — does a text name the person?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A client with a protected identity (skyddad identitet) is never written
 * with name, identity number or district, and a pseudonymised plan names
 * nobody. Leaving out the client's name, number and district fields is not
 * enough: people write "SIP för Åsa" as a title, a relative's surname, a
 * number in a note. So every piece of free text of such a plan is checked
 * here before it leaves, and kept out when it names the person or the
 * district, whatever field it is in.
 */
#define G_LOG_DOMAIN "kedja-core"

#include "config.h"

#include <string.h>

#include "kedja-name-filter.h"
#include "kedja-util.h"

struct _KedjaNameFilter {
  GPtrArray *words;  /* (element-type utf8): casefolded, NFKC */
};

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  return normal != NULL ? g_utf8_casefold (normal, -1) : NULL;
}

static gboolean
is_word_char (const char *p)
{
  return *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));
}

/* Whole words only, so that a client called Bo does not take every
 * "Boende" step with him; a Swedish genitive ("Åsas") still counts. */
static gboolean
contains_word (const char *haystack,
               const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *after = p + length;

      if (p != haystack && is_word_char (g_utf8_prev_char (p)))
        continue;
      if (*after == 's' && !is_word_char (after + 1))
        after++;
      if (!is_word_char (after))
        return TRUE;
    }
  return FALSE;
}

static void
add (KedjaNameFilter *self,
     const char      *text)
{
  char *folded;

  if (kedja_str_is_blank (text) || (folded = fold (text)) == NULL)
    return;
  g_strstrip (folded);
  /* An empty word would be found in every text. */
  if (*folded == '\0')
    g_free (folded);
  else
    g_ptr_array_add (self->words, folded);
}

/* Each word of the name on its own as well: "Åsa" and "Öberg" name her
 * as surely as "Åsa Öberg" does. */
static void
add_name (KedjaNameFilter *self,
          const char       *name)
{
  g_autofree char *folded = NULL;

  if (kedja_str_is_blank (name) || (folded = fold (name)) == NULL)
    return;
  add (self, name);
  for (const char *p = folded; *p != '\0';)
    {
      const char *word;

      while (*p != '\0' && !is_word_char (p))
        p = g_utf8_next_char (p);
      word = p;
      while (is_word_char (p))
        p = g_utf8_next_char (p);
      /* An initial alone names nobody and would hide half the plan. */
      if (g_utf8_strlen (word, p - word) >= 2)
        g_ptr_array_add (self->words, g_strndup (word, p - word));
    }
}

/* The identity number as people write it: with or without the century,
 * with or without the hyphen. */
static void
add_number (KedjaNameFilter *self,
            const char       *number)
{
  g_autofree char *date_part = NULL;
  g_autofree char *digits = NULL;

  if (number == NULL || strlen (number) != 13)
    return;
  date_part = g_strndup (number, 8);
  digits = g_strconcat (date_part, number + 9, NULL);
  add (self, number);      /* YYYYMMDD-NNNN */
  add (self, number + 2);  /* YYMMDD-NNNN */
  add (self, digits);      /* YYYYMMDDNNNN */
  add (self, digits + 2);  /* YYMMDDNNNN */
}

/* The words that name @client: the name and each word of it, the identity
 * number as people write it, the district. */
KedjaNameFilter *
kedja_name_filter_new (const KedjaClient *client)
{
  KedjaNameFilter *self;

  g_return_val_if_fail (client != NULL, NULL);

  self = g_new0 (KedjaNameFilter, 1);
  self->words = g_ptr_array_new_with_free_func (g_free);
  add_name (self, client->name);
  add_number (self, client->personal_number);
  add (self, client->district);
  return self;
}

void
kedja_name_filter_free (KedjaNameFilter *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->words);
  g_free (self);
}

/* Returns: (nullable): @text when it may leave; %NULL when it is blank or
 * names the person. A %NULL filter lets every text through. */
const char *
kedja_name_filter_text (const KedjaNameFilter *self,
                        const char            *text)
{
  g_autofree char *folded = NULL;

  if (kedja_str_is_blank (text))
    return NULL;
  if (self == NULL)
    return text;
  /* Not UTF-8: the XML writer refuses it with a message of its own. */
  if ((folded = fold (text)) == NULL)
    return text;
  for (guint i = 0; i < self->words->len; i++)
    if (contains_word (folded, g_ptr_array_index (self->words, i)))
      return NULL;
  return text;
}
