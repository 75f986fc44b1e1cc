/* kedja-sip-reader-private.h — the SIP reader's parts, inside libkedja-exchange
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kedja-exchange-xml.h"
#include "kedja-sip.h"

G_BEGIN_DECLS

/* A SIP document being read: where its problems go, and the plan whose
 * </sip> has just passed, with the line of each of its parts. */
typedef struct {
  KedjaXmlStream *stream;
  const char *name;        /* what messages call the document */
  GPtrArray  *problems;    /* (element-type utf8): every problem; %NULL: stop at the first */
  GError     *error;       /* the problem that stopped reading */
  guint       n_found;     /* problems found so far */
  gboolean    spoiled;     /* the document broke its schema: build nothing more */

  KedjaPlan  *plan;
  int         plan_line;
  /* Line of each record, keyed by the record (or, for <planned>,
   * <actual>, <coordination> and <personal-number>, by the address of
   * the field they fill). */
  GHashTable *lines;
  /* When set, each plan goes here as soon as it is checked, rather than
   * into the array the reading returns. */
  KedjaSipPlanFunc each;
  gpointer         each_data;
} KedjaSipReading;

/* Takes @message ("NAME:LINE: what is wrong"). Returns %FALSE when reading
 * must stop: always when stopping at the first problem, else for a
 * problem of another code than INVALID. */
gboolean   _kedja_sip_reading_add   (KedjaSipReading   *reading,
                                     KedjaExchangeError code,
                                     char              *message);

/* Values and their problems, at the reader's current element
 * (kedja-sip-values.c). Each returns %FALSE, or %NULL, after a problem. */
char      *_kedja_sip_reading_where      (KedjaSipReading *reading,
                                          int              line);  /* "NAME:LINE" */
int        _kedja_sip_reading_line       (KedjaSipReading *reading);
/* A problem with what is being built: nothing more is built after it. */
gboolean   _kedja_sip_reading_invalid    (KedjaSipReading *reading,
                                          char            *message);
void       _kedja_sip_reading_unexpected (KedjaSipReading *reading);
char      *_kedja_sip_attribute          (KedjaSipReading *reading,
                                          const char      *name,
                                          gboolean         required);
gboolean   _kedja_sip_date_attribute     (KedjaSipReading *reading,
                                          const char      *name,
                                          gboolean         required,
                                          KedjaDate       *out_date);
gboolean   _kedja_sip_enum_attribute     (KedjaSipReading *reading,
                                          const char      *name,
                                          GType            type,
                                          gboolean         required,
                                          int             *out_value);
/* @attribute: %NULL for an element's text */
gboolean   _kedja_sip_parse_date         (KedjaSipReading *reading,
                                          const char      *attribute,
                                          char            *text,
                                          KedjaDate       *out_date);
gboolean   _kedja_sip_parse_boolean      (KedjaSipReading *reading,
                                          const char      *attribute,
                                          char            *text,
                                          gboolean        *out_value);
gboolean   _kedja_sip_parse_number       (KedjaSipReading *reading,
                                          const char      *attribute,
                                          char            *text,
                                          guint64          max,
                                          guint64         *out_value);

/* What the schema cannot say about reading->plan (kedja-sip-checks.c).
 * Returns %FALSE when the plan has a problem. */
gboolean   _kedja_sip_check_plan    (KedjaSipReading   *reading);

/* The plans of a document, built from its nodes one at a time
 * (kedja-sip-build.c). */
typedef struct _KedjaSipBuilder KedjaSipBuilder;

KedjaSipBuilder *_kedja_sip_builder_new         (KedjaSipReading *reading);
void             _kedja_sip_builder_free        (KedjaSipBuilder *builder);
/* Builds from the stream's current node. Returns %FALSE after a problem. */
gboolean         _kedja_sip_builder_node        (KedjaSipBuilder *builder);
/* Returns: (transfer full): the plans whose </sip> has passed, checked. */
GPtrArray       *_kedja_sip_builder_steal_plans (KedjaSipBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KedjaSipBuilder, _kedja_sip_builder_free)

/* Reads a SIP document from @stream, validating it against the schema.
 * @problems: %NULL to stop at the first problem (in @error); else every
 * schema problem, and every problem of the plans when there is none, is
 * added there as one line, and only a document that cannot be read
 * further sets @error. Returns: (transfer full) (nullable): the plans, or
 * %NULL when there was any problem. */
GPtrArray *_kedja_sip_read_stream   (KedjaXmlStream    *stream,
                                     GPtrArray         *problems,
                                     GError           **error);

G_END_DECLS
