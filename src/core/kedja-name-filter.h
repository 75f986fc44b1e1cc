/* kedja-name-filter.h — does a text name the person?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kedja-client.h"

G_BEGIN_DECLS

typedef struct _KedjaNameFilter KedjaNameFilter;

KedjaNameFilter *kedja_name_filter_new  (const KedjaClient     *client);
void             kedja_name_filter_free (KedjaNameFilter       *filter);
const char      *kedja_name_filter_text (const KedjaNameFilter *filter,
                                         const char            *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaNameFilter, kedja_name_filter_free)

G_END_DECLS
