/* kedja-sip.h — SIP XML 1.0: write and read coordinated individual plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kedja-core.h"
#include "kedja-exchange.h"

G_BEGIN_DECLS

typedef struct {
  /* Written as "exported", in UTC; negative leaves the attribute out (so
   * that two exports of the same plan can be compared byte for byte). */
  gint64                       exported;
  /* The day the findings written into the file are judged on. */
  KedjaDate                    today;
  /* Thresholds for those findings; %NULL for the defaults. */
  const KedjaAnalysisSettings *settings;
} KedjaSipWriteOptions;

/*
 * A streaming writer: plans go out one at a time, so a collection of a
 * city's plans is never a tree in memory. The file appears at @path only
 * when kedja_sip_writer_finish() has validated it against the schema; until
 * then it is a temporary file (mode 0600) beside it.
 *
 * The writer writes what it is given, with one exception that no caller
 * can turn off: a client with a protected identity is written without
 * name, identity number or district.
 */
typedef struct _KedjaSipWriter KedjaSipWriter;

/* @collection: %TRUE for a sip-collection root (any number of plans),
 * %FALSE for a single sip root (exactly one plan). */
KedjaSipWriter *kedja_sip_writer_new    (const char                 *path,
                                         gboolean                    collection,
                                         const KedjaSipWriteOptions *options,
                                         GError                    **error);
gboolean        kedja_sip_writer_add    (KedjaSipWriter             *writer,
                                         const KedjaPlan            *plan,
                                         GError                    **error);
/* Closes the document, validates it against data/sip-1.0.xsd and moves it
 * into place. */
gboolean        kedja_sip_writer_finish (KedjaSipWriter             *writer,
                                         GError                    **error);
/* Frees the writer; a file not finished is removed. */
void            kedja_sip_writer_free   (KedjaSipWriter             *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaSipWriter, kedja_sip_writer_free)

/* One plan as a SIP document in memory, validated. */
GBytes         *kedja_sip_write_plan    (const KedjaPlan            *plan,
                                         const KedjaSipWriteOptions *options,
                                         GError                    **error);

/*
 * Reading. The document is parsed as untrusted input (no network, no
 * entities, no DTD: a DOCTYPE is refused; limits on size and depth),
 * validated against the schema while it streams in, then checked for what a
 * schema cannot say: ids unique within their plan, references that resolve,
 * real dates, ends not before starts, identity numbers with a right check
 * digit. Any problem refuses the whole document with one line naming the
 * file (@name), the line and what is wrong.
 *
 * Returns: (transfer container) (element-type KedjaPlan): the plans, in
 * document order, each with the agencies it names in plan->agencies and its
 * revision as written. Findings in the file are ignored.
 */
GPtrArray      *kedja_sip_read_file     (const char                 *path,
                                         GError                    **error);
GPtrArray      *kedja_sip_read_bytes    (GBytes                     *data,
                                         const char                 *name,
                                         GError                    **error);

/* Streaming for the caller too: each plan as soon as it is read. */
typedef gboolean (*KedjaSipPlanFunc) (KedjaPlan  *plan,
                                      gpointer    user_data,
                                      GError    **error);

gboolean        kedja_sip_read_file_each (const char                *path,
                                          KedjaSipPlanFunc           func,
                                          gpointer                   user_data,
                                          GError                   **error);

G_END_DECLS
