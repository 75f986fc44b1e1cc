/* kedja-util.h — small helpers shared inside libkedja-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef gboolean (*KedjaEqualFunc) (gconstpointer a,
                                    gconstpointer b);

gboolean   kedja_str_is_blank     (const char    *text);
GPtrArray *kedja_strv_array_copy  (GPtrArray     *array);
gboolean   kedja_strv_array_equal (GPtrArray     *a,
                                   GPtrArray     *b);
GPtrArray *kedja_ptr_array_copy   (GPtrArray     *array,
                                   GBoxedCopyFunc copy,
                                   GDestroyNotify free_func);
gboolean   kedja_ptr_array_equal  (GPtrArray     *a,
                                   GPtrArray     *b,
                                   KedjaEqualFunc equal);

G_END_DECLS
