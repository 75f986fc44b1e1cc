/* store-test-util.h — fixtures and sample plans for the store's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kedja-core.h"
#include "kedja-store.h"

G_BEGIN_DECLS

#define D(y, m, d) kedja_date_from_ymd (y, m, d)

/* Ids of the sample plan, for tests that edit it. */
#define TEST_PLAN_ID      "51e7a0c4-2f6d-4b8e-9a1c-3d5f7b9e1c42"
#define TEST_CLIENT_ID    "2d5b8f3e-7c1a-4e9b-b0d4-6a3c9e1f7b20"
#define TEST_CLINIC_ID    "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a01"
#define TEST_SOCIAL_ID    "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a02"
#define TEST_HOUSING_ID   "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a03"
#define TEST_PEER_ID      "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a04"
#define TEST_UNUSED_ID    "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a05"
#define TEST_SMALL_AGENCY_ID "6f1c3a52-8a0e-4c55-9d0b-0c4a2b7e1a06"
#define TEST_DETOX_ID     "0b8e0d6e-3d52-4f6b-8c1e-5d7a9f2c3b01"
#define TEST_PERSONAL_NUMBER "19121212-1212"

/* A fresh private directory per test, removed afterwards. */
typedef struct {
  char *dir;
  char *path;  /* dir/kedja.db, not created */
} StoreFixture;

void        store_fixture_set_up    (StoreFixture  *fixture,
                                     gconstpointer  data);
void        store_fixture_tear_down (StoreFixture  *fixture,
                                     gconstpointer  data);

/* A plan with every field and every kind of record set, texts with
 * Swedish letters, an emoji and XML/SQL-ish characters. */
KedjaPlan  *test_plan_full          (void);
/* A small valid plan with new ids: @n_steps steps at one agency. */
KedjaPlan  *test_plan_small         (const char    *client_name,
                                     const char    *title,
                                     guint          n_steps);

KedjaStore *test_store_open         (const char    *path);
/* Runs @sql on the file with a connection of its own (SQLite directly) and
 * returns the first column of the first row as an integer. */
gint64      test_query_int          (const char    *path,
                                     const char    *sql);
/* Same, for SQL that must fail; returns SQLite's error code. */
int         test_exec_fails         (const char    *path,
                                     const char    *sql);
void        test_exec               (const char    *path,
                                     const char    *sql);
GBytes     *test_read_file          (const char    *path);
void        test_assert_file_is     (const char    *path,
                                     GBytes        *expected);
guint       test_file_mode          (const char    *path);

G_END_DECLS
