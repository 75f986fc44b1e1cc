/* exchange-test-util.h — fixtures, temporary files and plans shared by the SIP tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader's tests (test-sip-read.c, -refusals.c, -validate.c) take the
 * documents in files/ and break them in one place. The writer's tests
 * (test-sip-write.c, -privacy.c, -write-files.c) write the plans made by
 * hand here, and read what comes out again with libxml2 and the schema
 * file of the repository, as a tree, so that a mistake in the writer's own
 * validation cannot hide one in its output.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "kedja-core.h"
#include "kedja-sip.h"

#define D(y, m, d) kedja_date_from_ymd (y, m, d)

/* The name a document read from memory goes by in its messages. */
#define NAME "plan.xml"

/* The ids of the plans the writer's tests write. */
#define PLAN_ID    "51e7a0c4-2f6d-4b8e-9a1c-3d5f7b9e1c42"
#define CLIENT_ID  "2d5b8f3e-7c1a-4e9b-b0d4-6a3c9e1f7b20"
#define CLINIC_ID  "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a01"
#define SOCIAL_ID  "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a02"
#define HOUSING_ID "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a03"
#define DETOX_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b01"
#define TREAT_ID   "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b02"
#define FLAT_ID    "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b03"
#define GOAL_ID    "9a4f7c21-1b3e-4d8a-a6c2-2e5f8b9d0c01"

/* The person in make_full_plan(), who must not leave when protected. */
#define CLIENT_NAME     "Åsa Öberg"
#define CLIENT_NUMBER   "19811218-9876"
#define CLIENT_DISTRICT "Angered"
#define RELATIVE_NAME   "Bengt Öberg"

/* Asserts that the string value of @expression in @doc is @expected. */
#define assert_xpath(doc, expression, expected) \
  G_STMT_START { \
    g_autofree char *value_ = xpath (doc, expression); \
    g_assert_cmpstr (value_, ==, expected); \
  } G_STMT_END

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Documents to read */

/* The path of files/@name. */
char                 *fixture_path      (const char      *name);
/* The text of files/@name. */
char                 *read_fixture      (const char      *name);
/* @text with its one @old made @new: a fixture broken in one place. */
char                 *replace_once      (const char      *text,
                                         const char      *old,
                                         const char      *new);
void                  assert_contains   (const char      *text,
                                         const char      *fragment);
/* A new temporary file holding @contents; the caller unlinks it. */
char                 *write_temp        (const char      *contents);

/* ------------------------------------------------------------------ */
/* Documents written */

/* Exported at 2026-11-29 08:30 UTC, analysed on @today. */
KedjaSipWriteOptions  options_at        (KedjaDate        today);
/* Parses and validates a document as a tree, independently of the writer;
 * free it with xmlFreeDoc(). */
xmlDocPtr             parse_valid_bytes (GBytes          *bytes);
/* The string value of an XPath expression, with "s" bound to the SIP
 * namespace. */
char                 *xpath             (xmlDocPtr        doc,
                                         const char      *expression);
gboolean              bytes_contain     (GBytes          *bytes,
                                         const char      *needle);
GBytes               *read_file         (const char      *path);
/* The number of entries in the folder @dir. */
guint                 count_entries     (const char      *dir);
/* Removes @dir and everything in it. */
void                  remove_tree       (const char      *dir);
/* A new temporary folder. */
char                 *make_dir          (void);
/* Writes @plan to @path with a file writer and returns what is there. */
GBytes               *write_to_file     (const char      *path,
                                         const KedjaPlan *plan,
                                         KedjaDate        today);

/* A plan with every field of the format set, and gaps for findings. */
KedjaPlan            *make_full_plan    (void);
/* A small plan, whose document test-sip-write.c writes out by hand. */
KedjaPlan            *make_small_plan   (void);

G_END_DECLS
