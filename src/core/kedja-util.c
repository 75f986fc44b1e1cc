/* kedja-util.c — small helpers shared inside libkedja-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kedja-util.h"

/* Nothing a person would call a value: absent, empty or only spaces. */
gboolean
kedja_str_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  /* Unicode spaces too: a no-break space is not a name. */
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gpointer
copy_string (gconstpointer src,
             gpointer      data)
{
  return g_strdup (src);
}

GPtrArray *
kedja_strv_array_copy (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_copy (array, copy_string, NULL);

  g_ptr_array_set_free_func (copy, g_free);
  return copy;
}

gboolean
kedja_strv_array_equal (GPtrArray *a,
                        GPtrArray *b)
{
  return kedja_ptr_array_equal (a, b, (KedjaEqualFunc) g_str_equal);
}

static gpointer
copy_boxed (gconstpointer src,
            gpointer      copy)
{
  return ((GBoxedCopyFunc) copy) ((gpointer) src);
}

/* A deep copy of an array of records, owning its copies. */
GPtrArray *
kedja_ptr_array_copy (GPtrArray     *array,
                      GBoxedCopyFunc copy,
                      GDestroyNotify free_func)
{
  GPtrArray *result = g_ptr_array_copy (array, copy_boxed, copy);

  g_ptr_array_set_free_func (result, free_func);
  return result;
}

/* Equal when both hold equal records in the same order: the order of steps,
 * goals and the rest is part of the plan as people wrote it. */
gboolean
kedja_ptr_array_equal (GPtrArray     *a,
                       GPtrArray     *b,
                       KedjaEqualFunc equal)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}
