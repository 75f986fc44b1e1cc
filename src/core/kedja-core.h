/* kedja-core.h — the domain model of Kedja, without GTK, SQL or XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kedja-agency.h"
#include "kedja-analysis.h"
#include "kedja-audit-entry.h"
#include "kedja-client.h"
#include "kedja-date.h"
#include "kedja-enum-types.h"
#include "kedja-enums.h"
#include "kedja-error.h"
#include "kedja-export-policy.h"
#include "kedja-i18n.h"
#include "kedja-identity.h"
#include "kedja-name-filter.h"
#include "kedja-plan.h"
#include "kedja-plan-summary.h"
#include "kedja-records.h"
#include "kedja-step.h"
