/* kedja-application.h — the Kedja desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEDJA_TYPE_APPLICATION (kedja_application_get_type ())

G_DECLARE_FINAL_TYPE (KedjaApplication, kedja_application, KEDJA, APPLICATION, AdwApplication)

KedjaApplication *kedja_application_new (void);

G_END_DECLS
